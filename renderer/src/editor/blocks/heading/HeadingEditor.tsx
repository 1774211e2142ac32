import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../../EditorEnvironment';
import type { BlockEditorProps } from '../types';

const SIZES = { h1: 28, h2: 22, h3: 18 } as const;

/** A title typed in place, in the size and colour it gets in the mail. */
export function HeadingEditor({ block, readOnly, onChange }: BlockEditorProps<'heading'>) {
  const { t } = useTranslation('editor');
  const { settings } = useEditorEnvironment();
  return (
    <TextInput
      variant="unstyled"
      aria-label={t('blocks.heading.label')}
      value={block.data.text}
      maxLength={300}
      readOnly={readOnly}
      onChange={(e) => onChange({ text: e.currentTarget.value })}
      styles={{
        input: {
          fontSize: SIZES[block.data.level],
          fontWeight: 700,
          lineHeight: 1.25,
          height: 'auto',
          color: block.data.color || settings.colors.heading,
          textAlign: block.data.align,
          fontFamily: 'inherit',
        },
      }}
    />
  );
}
