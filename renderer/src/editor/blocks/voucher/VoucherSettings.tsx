import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ColorField, SwitchField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function VoucherSettings({ block, onChange }: BlockSettingsProps<'voucher'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <TextField
        label={t('blocks.voucher.titleField')}
        value={block.data.title}
        maxLength={200}
        onChange={(title) => onChange({ title })}
      />
      <SwitchField
        label={t('settings.showAmount')}
        checked={block.data.showAmount}
        onChange={(showAmount) => onChange({ showAmount })}
      />
      <SwitchField
        label={t('settings.showPoints')}
        checked={block.data.showPoints}
        onChange={(showPoints) => onChange({ showPoints })}
      />
      <SwitchField
        label={t('settings.showRemainingPoints')}
        checked={block.data.showRemainingPoints}
        onChange={(showRemainingPoints) => onChange({ showRemainingPoints })}
      />
      <SwitchField
        label={t('settings.showBarcode')}
        checked={block.data.showBarcode}
        onChange={(showBarcode) => onChange({ showBarcode })}
      />
      {block.data.showBarcode && (
        <SwitchField
          label={t('blocks.voucher.barcodeFromReference')}
          description={t('blocks.voucher.barcodeFromReferenceHelp')}
          checked={block.data.barcodeFromReference}
          onChange={(barcodeFromReference) => onChange({ barcodeFromReference })}
        />
      )}
      <TextField
        label={t('blocks.voucher.termsField')}
        value={block.data.terms}
        maxLength={1000}
        multiline
        onChange={(terms) => onChange({ terms })}
      />
      <ColorField
        label={t('settings.voucherColor')}
        value={block.data.color}
        allowDefault
        onChange={(color) => onChange({ color })}
      />
    </Stack>
  );
}
