import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ColorField, SwitchField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function FooterSettings({ block, onChange }: BlockSettingsProps<'footer'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <TextField
        label={t('settings.unsubscribeLabel')}
        value={block.data.unsubscribeLabel}
        maxLength={100}
        onChange={(unsubscribeLabel) =>
          onChange({
            unsubscribeLabel:
              unsubscribeLabel.trim() === '' ? block.data.unsubscribeLabel : unsubscribeLabel,
          })
        }
      />
      <SwitchField
        label={t('settings.showAddress')}
        checked={block.data.showAddress}
        onChange={(showAddress) => onChange({ showAddress })}
      />
      <ColorField
        label={t('settings.backgroundColor')}
        value={block.data.backgroundColor}
        allowDefault
        onChange={(backgroundColor) => onChange({ backgroundColor })}
      />
      <ColorField
        label={t('settings.textColor')}
        value={block.data.textColor}
        onChange={(textColor) => onChange({ textColor })}
      />
    </Stack>
  );
}
