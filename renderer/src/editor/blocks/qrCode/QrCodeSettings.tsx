import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { qrLinkProblem } from '../../../../../electron/contract/plain/qrLink';
import { NumberField, SwitchField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function QrCodeSettings({ block, onChange }: BlockSettingsProps<'qrCode'>) {
  const { t } = useTranslation('editor');
  const problem = qrLinkProblem(block.data.url);
  return (
    <Stack>
      <TextInput
        label={t('settings.qrLink')}
        description={t('settings.qrLinkHelp')}
        placeholder="https://www.uwwinkel.nl/review"
        value={block.data.url}
        maxLength={1000}
        error={problem && problem !== 'empty' ? t(`settings.qrProblem.${problem}`) : undefined}
        onChange={(e) => onChange({ url: e.currentTarget.value })}
      />
      <TextField
        label={t('settings.qrCaption')}
        value={block.data.caption}
        maxLength={200}
        onChange={(caption) => onChange({ caption })}
      />
      <NumberField
        label={t('settings.qrSize')}
        value={block.data.size}
        min={100}
        max={300}
        suffix=" px"
        onChange={(size) => onChange({ size })}
      />
      <SwitchField
        label={t('settings.qrShowLink')}
        checked={block.data.showLink}
        onChange={(showLink) => onChange({ showLink })}
      />
    </Stack>
  );
}
