import { Box } from '@mantine/core';
import type { BlockEditorProps } from '../types';
import { ImageSlot } from '../ImageSlot';

export function ImageEditor({ block, readOnly, onChange }: BlockEditorProps<'image'>) {
  return (
    <Box mx={block.data.fullBleed ? 'calc(var(--wp-block-padding) * -1)' : 0}>
      <ImageSlot
        imageId={block.data.imageId}
        alt={block.data.alt}
        readOnly={readOnly}
        onChosen={(imageId) => onChange({ imageId })}
      />
    </Box>
  );
}
