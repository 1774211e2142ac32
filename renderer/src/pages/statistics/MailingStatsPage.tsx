import { Alert, Anchor, Card, Group, Loader, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../data/useChannelQuery';
import { href } from '../../router';
import { DeliveryView } from './DeliveryView';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { errorText } from '../../components/fieldErrors';
import { LinksView } from './LinksView';
import { OpenedView } from './OpenedView';
import { TimelineView } from './TimelineView';
import { UnsubscribesView } from './UnsubscribesView';
import { PageTitle } from '../../a11y/PageTitle';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';
import { FollowUpPanel } from '../followUps/FollowUpPanel';

const TYPES = ['opened', 'delivery', 'links', 'unsubscribes', 'timeline'] as const;
type StatsType = (typeof TYPES)[number];

/** One mailing: subject, sent at, recipients, and the kind of statistics the user picks. */
export function MailingStatsPage({ mailingId }: { mailingId: string }) {
  const { t, i18n } = useTranslation('stats');
  // Fetched again after every sync and send (staleAfter.ts).
  const { data: stats, error, isError } = useChannelQuery('stats.get', { mailingId });
  const [type, setType] = useState<StatsType>('opened');
  const [includeMachine, setIncludeMachine] = useState(false);

  const back = (
    <Anchor href={href('/statistieken')} size="sm">
      ← {t('back')}
    </Anchor>
  );
  if (isError && !stats) {
    return (
      <Stack>
        {back}
        <Alert color="red">{errorText(error, t)}</Alert>
      </Stack>
    );
  }
  if (!stats) return <Loader aria-label={t('common:loading')} />;
  const machine = { stats, includeMachine, onIncludeMachine: setIncludeMachine };
  return (
    <Stack gap="lg" maw={1100}>
      {back}
      <PageTitle>{t('title')}</PageTitle>
      <Card withBorder padding="md">
        <Stack gap={4}>
          <Text>
            <strong>{t('subject')}:</strong>{' '}
            <span data-testid="stats-subject">{fillSampleCustomer(stats.mailing.subject)}</span>
          </Text>
          <Text>
            <strong>{t('sentAt')}:</strong> {formatDateTime(stats.mailing.sentAt, i18n.language)}
          </Text>
          <Text>
            <strong>{t('recipients')}:</strong>{' '}
            <span data-testid="stats-recipients">
              {formatNumber(stats.mailing.recipients, i18n.language)}
            </span>
          </Text>
          {stats.anonymised ? (
            <Text size="sm" c="dimmed">
              {t('anonymised')}
            </Text>
          ) : (
            stats.detailsUntil !== null && (
              <Text size="sm" c="dimmed">
                {t('detailsUntil', { date: formatDate(stats.detailsUntil, i18n.language) })}
              </Text>
            )
          )}
        </Stack>
      </Card>
      <FollowUpPanel mailingId={mailingId} />
      <Group>
        <Select
          label={t('type')}
          w={320}
          allowDeselect={false}
          value={type}
          onChange={(value) => value && setType(value as StatsType)}
          data={TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
        />
      </Group>
      {type === 'opened' && <OpenedView {...machine} />}
      {type === 'delivery' && <DeliveryView stats={stats} />}
      {type === 'links' && <LinksView {...machine} />}
      {type === 'unsubscribes' && <UnsubscribesView stats={stats} />}
      {type === 'timeline' && <TimelineView {...machine} />}
    </Stack>
  );
}
