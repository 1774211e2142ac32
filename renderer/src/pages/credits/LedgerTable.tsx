import { Card, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { formatDateTime, formatNumber } from '../../format';

/** Purchases, reservations for sends, what was sent and what came back: newest first. */
export function LedgerTable({ history }: { history: ChannelOutput<'credits.history'> | null }) {
  const { t, i18n } = useTranslation('credits');
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('history')}
        </Title>
        {history === null && <Loader size="sm" aria-label={t('common:loading')} />}
        {history?.length === 0 && <Text c="dimmed">{t('noHistory')}</Text>}
        {history && history.length > 0 && (
          <Table striped withTableBorder data-testid="ledger">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('date')}</Table.Th>
                <Table.Th>{t('what')}</Table.Th>
                <Table.Th>{t('change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((row, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{formatDateTime(row.at, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`kinds.${row.kind}`, {
                      count: row.amount,
                      amount: formatNumber(row.amount, i18n.language),
                    })}
                    {row.subject ? ` – ${fillSampleCustomer(row.subject)}` : ''}
                  </Table.Td>
                  <Table.Td c={row.delta > 0 ? 'green.8' : row.delta < 0 ? 'red.8' : 'dimmed'}>
                    {/* Using reserved credits leaves the free balance as it was: not "0". */}
                    {row.delta === 0
                      ? t('noChange')
                      : `${row.delta > 0 ? '+' : ''}${formatNumber(row.delta, i18n.language)}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
