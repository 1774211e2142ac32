import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlignField, ColorField, LinkField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function ButtonSettings({ block, onChange }: BlockSettingsProps<'button'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <LinkField
        label={t('settings.buttonLink')}
        value={block.data.url}
        onChange={(url) => onChange({ url })}
      />
      <ColorField
        label={t('settings.buttonColor')}
        value={block.data.color}
        allowDefault
        onChange={(color) => onChange({ color })}
      />
      <ColorField
        label={t('settings.buttonTextColor')}
        value={block.data.textColor}
        onChange={(textColor) => onChange({ textColor })}
      />
      <AlignField value={block.data.align} onChange={(align) => onChange({ align })} />
    </Stack>
  );
}
