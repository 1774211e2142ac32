import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { formatShortTime } from '../format';

type Status = ChannelOutput<'account.status'>;

/** Header: when the statistics and credits were last brought up to date, and "Nu bijwerken". */
export function SyncStatus() {
  const { t, i18n } = useTranslation('accountLink');
  const [status, setStatus] = useState<Status | null>(null);
  const [running, setRunning] = useState(false);
  const load = useCallback(() => {
    api
      .call('account.status', {})
      .then(setStatus)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    const off = api.on('sync.finished', () => load());
    return off;
  }, [load]);

  if (!status?.linked) return null;
  const sync = status.sync;
  const syncNow = () => {
    setRunning(true);
    api
      .call('sync.now', {})
      .then((state) => setStatus((current) => (current ? { ...current, sync: state } : current)))
      .catch(() => undefined)
      .finally(() => setRunning(false));
  };
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
      <Button size="compact-sm" variant="subtle" loading={running} onClick={syncNow}>
        {t('syncNow')}
      </Button>
    </Group>
  );
}
