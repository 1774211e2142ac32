import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Canvas.module.css';

/** "Klik hier om op deze plaats inhoud toe te voegen" between blocks (always visible, not on hover). */
export const InsertSlot = memo(function InsertSlot(props: {
  index: number;
  onInsert: (index: number) => void;
}) {
  const { t } = useTranslation('editor');
  return (
    <UnstyledButton
      className={classes.insertSlot}
      onClick={() => props.onInsert(props.index)}
      data-testid="insert-slot"
    >
      <Group gap={6} justify="center" wrap="nowrap">
        <IconPlus size={14} aria-hidden />
        <Text size="xs" inherit>
          {t('canvas.insertHere')}
        </Text>
      </Group>
    </UnstyledButton>
  );
});
