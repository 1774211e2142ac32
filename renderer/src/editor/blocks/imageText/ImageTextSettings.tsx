import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ImageChoiceFields } from '../../settings/ImageChoiceFields';
import type { BlockSettingsProps } from '../types';

export function ImageTextSettings({ block, onChange }: BlockSettingsProps<'imageText'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <ImageChoiceFields value={block.data} altMaxLength={300} onChange={onChange} />
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
