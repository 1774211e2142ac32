import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImageField, LinkField, SwitchField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function ImageSettings({ block, onChange }: BlockSettingsProps<'image'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ImageField imageId={block.data.imageId} onChange={(imageId) => onChange({ imageId })} />
      <TextField
        label={t('settings.alt')}
        description={t('settings.altHelp')}
        value={block.data.alt}
        maxLength={300}
        onChange={(alt) => onChange({ alt })}
      />
      <LinkField
        label={t('settings.imageLink')}
        value={block.data.href}
        onChange={(href) => onChange({ href })}
      />
      <SwitchField
        label={t('settings.fullBleed')}
        checked={block.data.fullBleed}
        onChange={(fullBleed) => onChange({ fullBleed })}
      />
    </Stack>
  );
}
