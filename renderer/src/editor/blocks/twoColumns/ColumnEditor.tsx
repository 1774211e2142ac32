import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockData } from '../../../mailing/mailingTypes';
import { RichTextField } from '../../text/RichTextField';
import { ImageSlot } from '../ImageSlot';
import { useRichTextBinding } from '../useRichTextBinding';

type Column = BlockData<'twoColumns'>['left'];

/** One column: an optional image above a text. */
export function ColumnEditor(props: {
  blockId: string;
  side: 'left' | 'right';
  column: Column;
  selected: boolean;
  readOnly: boolean;
  onImage: (imageId: string) => void;
}) {
  const { t } = useTranslation('editor');
  const binding = useRichTextBinding(props.blockId, `${props.side}.content`);
  return (
    <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
      <ImageSlot
        imageId={props.column.imageId}
        alt={props.column.alt}
        readOnly={props.readOnly}
        onChosen={props.onImage}
      />
      <RichTextField
        initial={props.column.content}
        label={t(`blocks.twoColumns.${props.side}`)}
        readOnly={props.readOnly}
        showToolbar={props.selected}
        onChange={binding.onChange}
        onBlur={binding.onBlur}
      />
    </Stack>
  );
}
