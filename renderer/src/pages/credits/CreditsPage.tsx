import { Alert, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { formatDateTime, formatNumber } from '../../format';
import { errorText } from '../../components/fieldErrors';
import { BundlesCard } from './BundlesCard';
import { LedgerTable } from './LedgerTable';
import { PageTitle } from '../../a11y/PageTitle';

/** Overig - credits ophogen: what is left, what a mailing costs, bundles to order, the ledger. */
export function CreditsPage() {
  const { t, i18n } = useTranslation('credits');
  const client = useQueryClient();
  const creditsQuery = useChannelQuery('credits.get', {});
  // The ledger after the balance, as before: credits.get brings the tracker's figures first.
  const historyQuery = useChannelQuery('credits.history', {}, { enabled: creditsQuery.isSuccess });
  const credits = creditsQuery.data ?? null;
  const history = historyQuery.data ?? null;
  const failure = creditsQuery.error ?? historyQuery.error;
  const error = failure ? errorText(failure, t) : null;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['credits.get'] });
    void client.invalidateQueries({ queryKey: ['credits.history'] });
  };

  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      {error && <Alert color="red">{error}</Alert>}
      {!credits && !error && <Loader aria-label={t('common:loading')} />}
      {credits && (
        <>
          {!credits.linked && <Alert color="yellow">{t('notLinked')}</Alert>}
          {credits.offline && credits.fetchedAt !== null && (
            <Alert color="yellow">
              {t('offline', { when: formatDateTime(credits.fetchedAt, i18n.language) })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed">
                {t('balance')}
              </Text>
              <Text size="xl" fw={700} data-testid="credits-balance">
                {n(credits.balance)}
              </Text>
            </Card>
            <Card withBorder padding="lg">
              <Text size="sm" c="dimmed">
                {t('reserved')}
              </Text>
              <Text size="xl" fw={700} data-testid="credits-reserved">
                {n(credits.reserved)}
              </Text>
            </Card>
          </SimpleGrid>
          <Card withBorder padding="lg">
            <Stack gap={4}>
              <Title order={3} size="h4">
                {t('priceTitle')}
              </Title>
              <Group gap="xl">
                <Text>{t('perNewsletter')}</Text>
                <Text>{t('perVoucher')}</Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('example')}
              </Text>
            </Stack>
          </Card>
          <BundlesCard credits={credits} onOrdered={refresh} />
          <LedgerTable history={history} />
        </>
      )}
    </Stack>
  );
}
