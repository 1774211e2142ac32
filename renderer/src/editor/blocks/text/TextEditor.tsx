import { useTranslation } from 'react-i18next';
import { RichTextField } from '../../text/RichTextField';
import type { BlockEditorProps } from '../types';
import { useRichTextBinding } from '../useRichTextBinding';

export function TextEditor({ block, selected, readOnly }: BlockEditorProps<'text'>) {
  const { t } = useTranslation('editor');
  const binding = useRichTextBinding(block.id, 'content');
  return (
    <RichTextField
      initial={block.data.content}
      label={t('blocks.text.label')}
      readOnly={readOnly}
      showToolbar={selected}
      onChange={binding.onChange}
      onBlur={binding.onBlur}
      style={{ paddingTop: block.data.paddingY, paddingBottom: block.data.paddingY }}
    />
  );
}
