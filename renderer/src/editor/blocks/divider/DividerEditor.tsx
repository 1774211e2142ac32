import { Box } from '@mantine/core';
import type { BlockEditorProps } from '../types';

export function DividerEditor({ block }: BlockEditorProps<'divider'>) {
  return (
    <Box py={8} role="presentation">
      <Box
        mx="auto"
        w={`${block.data.widthPercent}%`}
        h={block.data.thickness}
        style={{ background: block.data.color }}
      />
    </Box>
  );
}
