import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { href } from '../../router';
import { formatDateTime, formatNumber, formatPercent, percentValue } from '../../format';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';

/** Home: the last mailing's key figures and the sends that are running or scheduled. */
export function HomeStatsCards() {
  const { t, i18n } = useTranslation('stats');
  // Fetched again after every sync and send (staleAfter.ts); until then, and on failure, nothing.
  const home = useChannelQuery('stats.home', {}).data;
  if (!home) return null;
  const n = (value: number) => formatNumber(value, i18n.language);
  const last = home.lastMailing;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder padding="lg" data-testid="home-last-mailing">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('home.lastMailing')}
          </Title>
          {last === null ? (
            <Text c="dimmed">{t('home.noMailing')}</Text>
          ) : (
            <>
              <Anchor
                href={href(`/statistieken/${encodeURIComponent(last.mailing.mailingId)}`)}
                fw={600}
              >
                {fillSampleCustomer(last.mailing.subject) || '—'}
              </Anchor>
              <Text size="sm" c="dimmed">
                {formatDateTime(last.mailing.sentAt, i18n.language)} · {t('recipients')}:{' '}
                {n(last.mailing.recipients)}
              </Text>
              <Group gap="xl">
                <Figure label={t('delivered')} value={n(last.delivered)} />
                <Figure
                  label={t('opened')}
                  value={`${n(last.openers)} (${formatPercent(last.openers, last.delivered, i18n.language)})`}
                />
                <Figure label={t('home.clicked')} value={n(last.clickers)} />
                <Figure label={t('unsubscribes')} value={n(last.unsubscribes)} />
              </Group>
            </>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg" data-testid="home-active-sends">
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('home.active')}
          </Title>
          {home.activeSends.length === 0 && <Text c="dimmed">{t('home.noActive')}</Text>}
          {home.activeSends.map((send) => (
            <Stack key={send.sendId} gap={2}>
              <Group justify="space-between">
                <Text fw={600}>{fillSampleCustomer(send.subject) || '—'}</Text>
                <Badge variant="light">{t(`home.states.${send.state}`)}</Badge>
              </Group>
              {send.state === 'scheduled' && send.scheduledAt !== null ? (
                <Text size="sm" c="dimmed">
                  {t('home.scheduledAt', { when: formatDateTime(send.scheduledAt, i18n.language) })}
                </Text>
              ) : (
                <>
                  <Progress value={percentValue(send.done, send.recipients)} />
                  <Text size="sm" c="dimmed">
                    {t('home.progress', { done: n(send.done), total: n(send.recipients) })}
                  </Text>
                </>
              )}
            </Stack>
          ))}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </div>
  );
}
