import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlignField, ColorField, NumberField } from '../../settings/fields';
import { ImageChoiceFields } from '../../settings/ImageChoiceFields';
import type { BlockSettingsProps } from '../types';

export function LogoSettings({ block, onChange }: BlockSettingsProps<'logo'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ImageChoiceFields value={block.data} altMaxLength={200} onChange={onChange} />
      <NumberField
        label={t('settings.logoWidth')}
        value={block.data.width}
        min={40}
        max={600}
        suffix=" px"
        onChange={(width) => onChange({ width })}
      />
      <AlignField value={block.data.align} onChange={(align) => onChange({ align })} />
      <ColorField
        label={t('settings.backgroundColor')}
        value={block.data.backgroundColor}
        allowDefault
        onChange={(backgroundColor) => onChange({ backgroundColor })}
      />
    </Stack>
  );
}
