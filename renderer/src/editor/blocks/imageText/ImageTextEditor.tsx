import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RichTextField } from '../../text/RichTextField';
import { ImageSlot } from '../ImageSlot';
import type { BlockEditorProps } from '../types';
import { useRichTextBinding } from '../useRichTextBinding';

export function ImageTextEditor({
  block,
  selected,
  readOnly,
  onChange,
}: BlockEditorProps<'imageText'>) {
  const { t } = useTranslation('editor');
  const binding = useRichTextBinding(block.id, 'content');
  return (
    <Group
      align="flex-start"
      wrap="nowrap"
      gap="md"
      style={{ flexDirection: block.data.imagePosition === 'right' ? 'row-reverse' : 'row' }}
    >
      <div style={{ flex: '0 0 45%' }}>
        <ImageSlot
          imageId={block.data.imageId}
          alt={block.data.alt}
          readOnly={readOnly}
          onChosen={(imageId) => onChange({ imageId })}
        />
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <RichTextField
          initial={block.data.content}
          label={t('blocks.imageText.label')}
          readOnly={readOnly}
          showToolbar={selected}
          onChange={binding.onChange}
          onBlur={binding.onBlur}
        />
      </div>
    </Group>
  );
}
