import { Alert, Anchor, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { href } from '../../router';
import { formatDateTime, formatNumber } from '../../format';
import { errorText } from '../../components/fieldErrors';
import { MailingStatsPage } from './MailingStatsPage';
import './charts';
import { PageTitle } from '../../a11y/PageTitle';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';

/** Mailings - statistieken: the sent mailings; one of them opens its statistics. */
export function StatisticsPage({ params }: { params: Record<string, string> }) {
  if (params.mailingId) return <MailingStatsPage mailingId={params.mailingId} />;
  return <SentMailingsList />;
}

function SentMailingsList() {
  const { t, i18n } = useTranslation('stats');
  // Fetched again after every sync and send (staleAfter.ts).
  const { data: mailings, error, isError, isPending } = useChannelQuery('stats.list', {});
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      {isError && <Alert color="red">{errorText(error, t)}</Alert>}
      {isPending && <Loader aria-label={t('common:loading')} />}
      {mailings && mailings.length === 0 && <Text c="dimmed">{t('empty')}</Text>}
      {mailings && mailings.length > 0 && (
        <Table striped highlightOnHover withTableBorder data-testid="sent-mailings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('subject')}</Table.Th>
              <Table.Th>{t('sentAt')}</Table.Th>
              <Table.Th>{t('recipients')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mailings.map((m) => (
              <Table.Tr key={m.mailingId}>
                <Table.Td>
                  <Anchor href={href(`/statistieken/${encodeURIComponent(m.mailingId)}`)}>
                    {fillSampleCustomer(m.subject) || '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDateTime(m.sentAt, i18n.language)}</Table.Td>
                <Table.Td>{formatNumber(m.recipients, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
