import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SwitchField } from '../../settings/fields';
import { ImageChoiceFields } from '../../settings/ImageChoiceFields';
import type { BlockSettingsProps } from '../types';

export function ImageSettings({ block, onChange }: BlockSettingsProps<'image'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ImageChoiceFields value={block.data} altMaxLength={300} onChange={onChange} />
      <SwitchField
        label={t('settings.fullBleed')}
        checked={block.data.fullBleed}
        onChange={(fullBleed) => onChange({ fullBleed })}
      />
    </Stack>
  );
}
