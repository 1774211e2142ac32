import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fillSampleCustomer } from '../../../../../electron/contract/plain/variables';

/** How the mail shows in a phone's inbox list: sender, subject, top line, each cut like a phone does. */
export function PhoneInboxMock(props: { sender: string; subject: string; topLine: string }) {
  const { t } = useTranslation('mailings');
  return (
    <Paper
      withBorder
      radius="xl"
      p="md"
      w={320}
      bg="gray.0"
      component="figure"
      m={0}
      aria-label={t('general.phoneTitle')}
      data-testid="phone-inbox"
    >
      <Text size="xs" c="dimmed" ta="center" mb="xs">
        {t('general.phoneInbox')}
      </Text>
      <Paper radius="md" p="sm" withBorder>
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} size="sm" truncate="end">
              {props.sender || t('general.phoneNoSender')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('general.phoneTime')}
            </Text>
          </Group>
          <Text size="sm" fw={600} truncate="end">
            {fillSampleCustomer(props.subject) || t('general.phoneNoSubject')}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {fillSampleCustomer(props.topLine) || t('general.phoneNoTopLine')}
          </Text>
        </Stack>
      </Paper>
      <Box h={8} />
      <Paper radius="md" p="sm" withBorder opacity={0.45} aria-hidden>
        <Box h={10} w="60%" bg="gray.3" mb={6} />
        <Box h={8} w="90%" bg="gray.2" />
      </Paper>
    </Paper>
  );
}
