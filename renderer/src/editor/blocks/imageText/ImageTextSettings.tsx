import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImageField, LinkField, TextField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function ImageTextSettings({ block, onChange }: BlockSettingsProps<'imageText'>) {
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
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('settings.imagePosition')}
        </Text>
        <SegmentedControl
          size="xs"
          value={block.data.imagePosition}
          onChange={(v) => onChange({ imagePosition: v as 'left' | 'right' })}
          data={[
            { value: 'left', label: t('settings.alignLeft') },
            { value: 'right', label: t('settings.alignRight') },
          ]}
        />
      </Stack>
    </Stack>
  );
}
