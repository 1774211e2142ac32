import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_BLOCK_STYLE, type BlockStyle } from '../documentOps';
import { ColorField, NumberField } from './fields';

/** What every block has besides its own settings: its background and space above and below. */
export function BlockLayoutSettings(props: {
  style: BlockStyle | undefined;
  onChange: (patch: Partial<BlockStyle>) => void;
}) {
  const { t } = useTranslation('editor');
  const style = { ...DEFAULT_BLOCK_STYLE, ...props.style };
  return (
    <Stack gap="xs" data-testid="block-layout-settings">
      <Divider />
      <Text size="sm" fw={600}>
        {t('settings.layout')}
      </Text>
      <ColorField
        label={t('settings.blockBackground')}
        value={style.backgroundColor}
        allowDefault
        onChange={(backgroundColor) => props.onChange({ backgroundColor })}
      />
      <NumberField
        label={t('settings.spaceAbove')}
        value={style.paddingTop}
        min={0}
        max={120}
        suffix=" px"
        onChange={(paddingTop) => props.onChange({ paddingTop })}
      />
      <NumberField
        label={t('settings.spaceBelow')}
        value={style.paddingBottom}
        min={0}
        max={120}
        suffix=" px"
        onChange={(paddingBottom) => props.onChange({ paddingBottom })}
      />
    </Stack>
  );
}
