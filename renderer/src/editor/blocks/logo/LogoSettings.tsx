import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AlignField,
  ColorField,
  ImageField,
  LinkField,
  NumberField,
  TextField,
} from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function LogoSettings({ block, onChange }: BlockSettingsProps<'logo'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ImageField imageId={block.data.imageId} onChange={(imageId) => onChange({ imageId })} />
      <TextField
        label={t('settings.alt')}
        description={t('settings.altHelp')}
        value={block.data.alt}
        maxLength={200}
        onChange={(alt) => onChange({ alt })}
      />
      <NumberField
        label={t('settings.logoWidth')}
        value={block.data.width}
        min={40}
        max={600}
        suffix=" px"
        onChange={(width) => onChange({ width })}
      />
      <AlignField value={block.data.align} onChange={(align) => onChange({ align })} />
      <LinkField
        label={t('settings.imageLink')}
        value={block.data.href}
        onChange={(href) => onChange({ href })}
      />
      <ColorField
        label={t('settings.backgroundColor')}
        value={block.data.backgroundColor}
        allowDefault
        onChange={(backgroundColor) => onChange({ backgroundColor })}
      />
    </Stack>
  );
}
