import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function TextSettings({ block, onChange }: BlockSettingsProps<'text'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <NumberField
        label={t('settings.paddingY')}
        value={block.data.paddingY}
        min={0}
        max={80}
        suffix=" px"
        onChange={(paddingY) => onChange({ paddingY })}
      />
    </Stack>
  );
}
