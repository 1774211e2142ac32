import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { useChannelQuery } from '../../data/useChannelQuery';
import { formatDateTime, formatNumber } from '../../format';
import { href } from '../../router';
import { errorText } from '../../components/fieldErrors';

type FollowUp = ChannelOutput<'followUps.list'>[number];

const statsOf = (mailingId: string) => href(`/statistieken/${encodeURIComponent(mailingId)}`);

/** "Tweede kans voor niet-openers": every planned and sent second chance with its counts. */
export function FollowUpsSection() {
  const { t, i18n } = useTranslation('followUps');
  // Fetched again after every sync and send (staleAfter.ts).
  const list = useChannelQuery('followUps.list', {});
  const rows: FollowUp[] | null = list.data ?? null;
  const error = list.isError ? errorText(list.error, t) : null;
  const language = i18n.language;
  const recipients = (row: FollowUp) =>
    row.recipients === null
      ? t('estimated', { count: row.estimatedRecipients })
      : t('sentOf', {
          sent: formatNumber(row.sent ?? 0, language),
          recipients: formatNumber(row.recipients, language),
        });
  const skipped = (row: FollowUp) =>
    row.skipped ? row.skipped.suppressed + row.skipped.recentlyMailed + row.skipped.duplicates : 0;
  return (
    <Stack gap="sm" data-testid="follow-ups-section">
      <Title order={2} size="h3">
        {t('sectionTitle')}
      </Title>
      {error && <Alert color="red">{error}</Alert>}
      {rows && rows.length === 0 && <Text c="dimmed">{t('sectionEmpty')}</Text>}
      {rows && rows.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('original')}</Table.Th>
              <Table.Th>{t('followUpSubject')}</Table.Th>
              <Table.Th>{t('due')}</Table.Th>
              <Table.Th>{t('recipients')}</Table.Th>
              <Table.Th>{t('credits')}</Table.Th>
              <Table.Th>{t('state')}</Table.Th>
              <Table.Th>{t('statistics')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.originalMailingId}>
                <Table.Td>
                  <Anchor href={statsOf(row.originalMailingId)}>
                    {fillSampleCustomer(row.originalSubject) || '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>{fillSampleCustomer(row.subject)}</Table.Td>
                <Table.Td>{formatDateTime(row.dueAt, language)}</Table.Td>
                <Table.Td>
                  {recipients(row)}
                  {skipped(row) > 0 && (
                    <Text size="sm" c="dimmed">
                      {t('skipped', { count: skipped(row) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.creditsCharged === null ? '—' : formatNumber(row.creditsCharged, language)}
                </Table.Td>
                <Table.Td>
                  {t(`states.${row.state}`)}
                  {row.errorKey && (
                    <Text size="sm" c="red">
                      {t(row.errorKey, row.errorParams ?? {})}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {row.followUpMailingId && row.state === 'started' ? (
                    <Anchor
                      href={statsOf(row.followUpMailingId)}
                      aria-label={`${t('statistics')}: ${fillSampleCustomer(row.subject)}`}
                    >
                      {t('statistics')}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
