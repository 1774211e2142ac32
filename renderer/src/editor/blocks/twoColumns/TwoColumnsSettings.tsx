import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockData } from '../../../pages/mailings/mailingTypes';
import { ImageField, LinkField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

type Column = BlockData<'twoColumns'>['left'];

export function TwoColumnsSettings({ block, onChange }: BlockSettingsProps<'twoColumns'>) {
  const { t } = useTranslation('editor');
  const set = (side: 'left' | 'right', patch: Partial<Column>) =>
    onChange((current) => ({ [side]: { ...current[side], ...patch } }));
  return (
    <Stack>
      {(['left', 'right'] as const).map((side) => (
        <Stack key={side} gap="xs">
          <Divider
            label={
              <Text size="sm" fw={600}>
                {t(`blocks.twoColumns.${side}`)}
              </Text>
            }
            labelPosition="left"
          />
          <ImageField
            imageId={block.data[side].imageId}
            onChange={(imageId) => set(side, { imageId })}
          />
          <TextField
            label={t('settings.alt')}
            value={block.data[side].alt}
            maxLength={300}
            onChange={(alt) => set(side, { alt })}
          />
          <LinkField
            label={t('settings.imageLink')}
            value={block.data[side].href}
            onChange={(href) => set(side, { href })}
          />
        </Stack>
      ))}
    </Stack>
  );
}
