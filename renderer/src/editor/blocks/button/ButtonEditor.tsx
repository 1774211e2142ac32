import { Box, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../../EditorEnvironment';
import type { BlockEditorProps } from '../types';

const JUSTIFY = { left: 'flex-start', center: 'center', right: 'flex-end' } as const;

/** The button as it looks in the mail; its label is typed on it. */
export function ButtonEditor({ block, readOnly, onChange }: BlockEditorProps<'button'>) {
  const { t } = useTranslation('editor');
  const { settings } = useEditorEnvironment();
  return (
    <Box style={{ display: 'flex', justifyContent: JUSTIFY[block.data.align] }}>
      <Box
        px="lg"
        py={10}
        style={{ background: block.data.color || settings.colors.accent, borderRadius: 4 }}
      >
        <TextInput
          variant="unstyled"
          aria-label={t('blocks.button.labelField')}
          value={block.data.label}
          maxLength={100}
          readOnly={readOnly}
          onChange={(e) => onChange({ label: e.currentTarget.value })}
          styles={{
            input: {
              color: block.data.textColor,
              fontWeight: 700,
              textAlign: 'center',
              height: 'auto',
              minHeight: 0,
              fontFamily: 'inherit',
              fieldSizing: 'content',
              minWidth: 80,
            },
          }}
        />
      </Box>
    </Box>
  );
}
