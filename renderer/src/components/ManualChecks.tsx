import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The checklist's manual items, each ticked by the shopkeeper before a mailing may go. */
export function ManualChecks(props: {
  title: string;
  manual: readonly { id: string; key: string }[];
  ticked: readonly string[];
  onChange: (ticked: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={500}>{props.title}</Text>
      {props.manual.map((m) => (
        <Checkbox
          key={m.id}
          label={t(m.key)}
          checked={props.ticked.includes(m.id)}
          onChange={(event) =>
            props.onChange(
              event.currentTarget.checked
                ? [...props.ticked, m.id]
                : props.ticked.filter((id) => id !== m.id),
            )
          }
        />
      ))}
    </Stack>
  );
}
