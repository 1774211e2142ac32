import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BlockData } from '../../../mailing/mailingTypes';
import { ImageChoiceFields } from '../../settings/ImageChoiceFields';
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
          <ImageChoiceFields
            value={block.data[side]}
            altMaxLength={300}
            onChange={(patch) => set(side, patch)}
          />
        </Stack>
      ))}
    </Stack>
  );
}
