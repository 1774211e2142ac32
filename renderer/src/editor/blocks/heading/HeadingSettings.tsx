import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlignField, ColorField } from '../../settings/fields';
import type { BlockSettingsProps } from '../types';

export function HeadingSettings({ block, onChange }: BlockSettingsProps<'heading'>) {
  const { t } = useTranslation('editor');
  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('settings.headingLevel')}
        </Text>
        <SegmentedControl
          size="xs"
          value={block.data.level}
          onChange={(level) => onChange({ level: level as 'h1' | 'h2' | 'h3' })}
          data={[
            { value: 'h1', label: t('settings.headingLarge') },
            { value: 'h2', label: t('settings.headingMedium') },
            { value: 'h3', label: t('settings.headingSmall') },
          ]}
        />
      </Stack>
      <AlignField value={block.data.align} onChange={(align) => onChange({ align })} />
      <ColorField
        label={t('settings.textColor')}
        value={block.data.color}
        allowDefault
        onChange={(color) => onChange({ color })}
      />
    </Stack>
  );
}
