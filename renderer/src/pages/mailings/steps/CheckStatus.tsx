import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';

const LOOK = {
  ok: { color: 'green', Icon: IconCheck },
  warn: { color: 'yellow', Icon: IconAlertTriangle },
  fail: { color: 'red', Icon: IconX },
} as const;

/**
 * A checklist line's status as an icon and a word that wraps when needed: a badge with a fixed
 * width cut "In orde" off to "IN OR…"; colour alone would say nothing to a colour-blind reader.
 */
export function CheckStatus({ status, label }: { status: keyof typeof LOOK; label: string }) {
  const { color, Icon } = LOOK[status];
  return (
    <Group gap={6} wrap="nowrap" align="center">
      <ThemeIcon color={color} size="sm" radius="xl" variant="filled" aria-hidden>
        <Icon size={14} stroke={3} />
      </ThemeIcon>
      <Text size="sm" fw={600} c={`${color}.9`}>
        {label}
      </Text>
    </Group>
  );
}
