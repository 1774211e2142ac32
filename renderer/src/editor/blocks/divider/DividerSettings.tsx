import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ColorField, NumberField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function DividerSettings({ block, onChange }: BlockSettingsProps<'divider'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ColorField
        label={t('settings.lineColor')}
        value={block.data.color}
        onChange={(color) => onChange({ color })}
      />
      <NumberField
        label={t('settings.thickness')}
        value={block.data.thickness}
        min={1}
        max={10}
        suffix=" px"
        onChange={(thickness) => onChange({ thickness })}
      />
      <NumberField
        label={t('settings.widthPercent')}
        value={block.data.widthPercent}
        min={10}
        max={100}
        suffix="%"
        onChange={(widthPercent) => onChange({ widthPercent })}
      />
    </Stack>
  );
}
