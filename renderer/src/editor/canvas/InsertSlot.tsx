import { Group, Text, UnstyledButton } from '@mantine/core';
import type { BlockType } from '../../mailing/mailingTypes';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Canvas.module.css';

/**
 * "Klik hier om op deze plaats inhoud toe te voegen" between blocks (always visible, not on hover).
 * Fifteen of them would sound alike to a screen reader: each also says where it adds
 * (", na blok 3: Tekst"), after the visible words so voice control still finds it by them.
 */
export const InsertSlot = memo(function InsertSlot(props: {
  index: number;
  /** The type of the block above this place (block number `index`), or null at the top. */
  afterType: BlockType | null;
  onInsert: (index: number) => void;
}) {
  const { t } = useTranslation('editor');
  const where = props.afterType
    ? t('canvas.insertAfter', { number: props.index, name: t(`blocks.${props.afterType}.name`) })
    : t('canvas.insertFirst');
  return (
    <UnstyledButton
      className={classes.insertSlot}
      onClick={() => props.onInsert(props.index)}
      data-testid="insert-slot"
      data-slot-index={props.index}
      aria-label={`${t('canvas.insertHere')}, ${where}`}
    >
      <Group gap={6} justify="center" wrap="nowrap">
        <span className={classes.plus} aria-hidden />
        <Text size="xs" inherit>
          {t('canvas.insertHere')}
        </Text>
      </Group>
    </UnstyledButton>
  );
});
