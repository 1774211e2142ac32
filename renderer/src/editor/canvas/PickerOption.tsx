import { Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './Canvas.module.css';

/** One choice in "Inhoud toevoegen": an icon and name, with a line under it. */
export function PickerOption(props: {
  icon: ReactNode;
  name: string;
  description: string;
  ariaLabel?: string;
  onClick: () => void;
}) {
  return (
    <UnstyledButton
      className={classes.pickerOption}
      style={{ flex: 1 }}
      aria-label={props.ariaLabel}
      onClick={props.onClick}
    >
      <Stack gap={2}>
        <Text
          fw={600}
          size="sm"
          component="span"
          style={{ display: 'flex', gap: 8, alignItems: 'center' }}
        >
          {props.icon}
          {props.name}
        </Text>
        <Text size="xs" c="dimmed" component="span">
          {props.description}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
