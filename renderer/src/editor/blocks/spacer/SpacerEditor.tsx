import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockEditorProps } from '../types';

export function SpacerEditor({ block, selected }: BlockEditorProps<'spacer'>) {
  const { t } = useTranslation('editor');
  return (
    <Box
      h={block.data.height}
      style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      {selected && (
        <Text size="xs" c="dimmed">
          {t('blocks.spacer.height', { height: block.data.height })}
        </Text>
      )}
    </Box>
  );
}
