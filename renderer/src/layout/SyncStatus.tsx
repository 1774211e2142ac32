import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../data/useChannelMutation';
import { useChannelQuery } from '../data/useChannelQuery';
import { formatShortTime } from '../format';

/** Header: when the statistics and credits were last brought up to date, and "Nu bijwerken". */
export function SyncStatus() {
  const { t, i18n } = useTranslation('accountLink');
  const status = useChannelQuery('account.status', {}).data;
  // The sync's own 'sync.finished' event makes the status and the lists it touched stale.
  const syncNow = useChannelMutation('sync.now', { invalidates: ['account.status'] });

  if (!status?.linked) return null;
  const sync = status.sync;
  const label = sync.lastSyncAt
    ? t('sync.last', { when: formatShortTime(sync.lastSyncAt, i18n.language) })
    : t('sync.never');
  return (
    <Group gap="xs" wrap="nowrap">
      {sync.errorKey ? (
        <Tooltip label={t(sync.errorKey)} multiline w={320}>
          <Text size="sm" c="orange.8" data-testid="sync-status">
            {t('sync.failed')} · {label}
          </Text>
        </Tooltip>
      ) : (
        <Text size="sm" c="dimmed" data-testid="sync-status">
          {label}
        </Text>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        loading={syncNow.isPending}
        onClick={() => syncNow.mutate({})}
      >
        {t('syncNow')}
      </Button>
    </Group>
  );
}
