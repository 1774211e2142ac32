import { Box } from '@mantine/core';
import { ImageSlot } from '../ImageSlot';
import type { BlockEditorProps } from '../types';

const JUSTIFY = { left: 'flex-start', center: 'center', right: 'flex-end' } as const;

export function LogoEditor({ block, readOnly, onChange }: BlockEditorProps<'logo'>) {
  return (
    <Box
      style={{
        display: 'flex',
        justifyContent: JUSTIFY[block.data.align],
        background: block.data.backgroundColor || undefined,
      }}
    >
      <ImageSlot
        imageId={block.data.imageId}
        alt={block.data.alt}
        width={block.data.width}
        readOnly={readOnly}
        onChosen={(imageId) => onChange({ imageId })}
      />
    </Box>
  );
}
