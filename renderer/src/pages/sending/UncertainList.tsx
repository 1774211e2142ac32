import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useFormat } from '../../format';

/**
 * The mails that were on their way when the app stopped: who, and when, with the shop's two
 * choices. A retry may give those few customers the mail twice, so the page says so plainly.
 */
export function UncertainList({
  sendId,
  count,
  busy,
  onRetry,
  onNotSent,
}: {
  sendId: string;
  count: number;
  busy: boolean;
  onRetry: () => void;
  onNotSent: () => void;
}) {
  const { t } = useTranslation('sending');
  const format = useFormat();
  // Asked again when the count changes: send.progress makes send.uncertain stale (staleAfter.ts).
  const { data: rows = [] } = useChannelQuery('send.uncertain', { sendId });
  return (
    <Alert color="yellow" data-testid="uncertain">
      <Text size="sm">{t('progress.uncertain', { count })}</Text>
      <Text size="sm" mt="xs">
        {t('progress.uncertainIntro')}
      </Text>
      <Table mt="xs" data-testid="uncertain-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('progress.uncertainName')}</Table.Th>
            <Table.Th>{t('progress.uncertainEmail')}</Table.Th>
            <Table.Th>{t('progress.uncertainAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.email}>
              <Table.Td>{row.name}</Table.Td>
              <Table.Td>{row.email}</Table.Td>
              <Table.Td>{row.at === null ? '' : format.moment(row.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group mt="xs">
        <Button size="xs" onClick={onRetry} loading={busy}>
          {t('progress.retryUncertain')}
        </Button>
        <Button size="xs" variant="light" onClick={onNotSent} loading={busy}>
          {t('progress.markNotSent')}
        </Button>
      </Group>
    </Alert>
  );
}
