import { Box, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../../EditorEnvironment';
import type { BlockEditorProps } from '../types';

/** The voucher with its variables shown as they will be filled in per customer. */
export function VoucherEditor({ block, readOnly, onChange }: BlockEditorProps<'voucher'>) {
  const { t } = useTranslation('editor');
  const { settings } = useEditorEnvironment();
  const color = block.data.color || settings.colors.accent;
  return (
    <Box p="md" style={{ border: `2px dashed ${color}`, borderRadius: 8, textAlign: 'center' }}>
      <Stack gap={6} align="center">
        <TextInput
          variant="unstyled"
          aria-label={t('blocks.voucher.titleField')}
          value={block.data.title}
          maxLength={200}
          readOnly={readOnly}
          onChange={(e) => onChange({ title: e.currentTarget.value })}
          w="100%"
          styles={{
            input: {
              textAlign: 'center',
              fontWeight: 700,
              fontSize: 20,
              color,
              height: 'auto',
              fontFamily: 'inherit',
            },
          }}
        />
        {block.data.showAmount && (
          <Text fz={28} fw={700}>
            € [[waardebon_bedrag]]
          </Text>
        )}
        {block.data.showPoints && <Text size="sm">{t('blocks.voucher.points')}</Text>}
        {block.data.showRemainingPoints && <Text size="sm">{t('blocks.voucher.remaining')}</Text>}
        {block.data.showBarcode && (
          <Stack gap={0} align="center" aria-label={t('blocks.voucher.barcode')}>
            <IconBarcode size={64} stroke={1} aria-hidden />
            <Text size="xs">[[waardebon_barcode]]</Text>
          </Stack>
        )}
        <Textarea
          variant="unstyled"
          aria-label={t('blocks.voucher.termsField')}
          value={block.data.terms}
          maxLength={1000}
          readOnly={readOnly}
          autosize
          w="100%"
          onChange={(e) => onChange({ terms: e.currentTarget.value })}
          styles={{
            input: { textAlign: 'center', fontSize: 12, fontFamily: 'inherit', color: 'inherit' },
          }}
        />
      </Stack>
    </Box>
  );
}
