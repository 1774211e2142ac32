import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../../EditorEnvironment';
import type { BlockEditorProps } from '../types';

const SIZES = { h1: 28, h2: 22, h3: 18 } as const;

/**
 * A title typed in place, in the size and colour it gets in the mail. It wraps like the mail does;
 * a title is one paragraph, so Enter adds no line break.
 */
export function HeadingEditor({ block, readOnly, onChange }: BlockEditorProps<'heading'>) {
  const { t } = useTranslation('editor');
  const { settings } = useEditorEnvironment();
  return (
    <Textarea
      variant="unstyled"
      autosize
      minRows={1}
      aria-label={t('blocks.heading.label')}
      value={block.data.text}
      maxLength={300}
      readOnly={readOnly}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      onChange={(e) => onChange({ text: e.currentTarget.value.replace(/[\r\n]+/g, ' ') })}
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
