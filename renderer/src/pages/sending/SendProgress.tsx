import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../components/fieldErrors';
import { UncertainList } from './UncertainList';
import { SEND_CHANNELS, type SendStatus } from './useSendStatus';
import { useFormat } from '../../format';
import { useInvalidate } from '../../data/useInvalidate';
import { fillSampleCustomer } from '../../../../electron/contract/plain/variables';

/** A send's progress bar, counts, expected end and its buttons (pause, resume, cancel, retry). */
export function SendProgress({ status }: { status: SendStatus }) {
  const { t } = useTranslation('sending');
  const invalidate = useInvalidate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const format = useFormat().dateTime;
  const done = status.sent + status.failed + status.bounced + status.suppressed;
  const percent = status.recipients === 0 ? 0 : Math.round((done / status.recipients) * 100);

  const restored = status.pauseReason === 'sending:pause.restored';
  const act = async (
    action:
      | 'send.pause'
      | 'send.resume'
      | 'send.cancel'
      | 'send.retryUncertain'
      | 'send.markUncertainNotSent',
  ) => {
    if (action === 'send.cancel' && !window.confirm(t('progress.confirmCancel'))) return;
    if (action === 'send.retryUncertain' && !window.confirm(t('progress.confirmRetryUncertain')))
      return;
    setBusy(true);
    setError(null);
    try {
      if (action === 'send.resume')
        await api.call(action, { sendId: status.sendId, acknowledgeRestore: restored });
      else await api.call(action, { sendId: status.sendId });
      await invalidate(...SEND_CHANNELS);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="send-progress" data-state={status.state}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{fillSampleCustomer(status.subject) || t('progress.noSubject')}</Text>
          <Text size="sm" data-testid="send-state">
            {t(`progress.state.${status.state}`)}
          </Text>
        </Group>
        {status.startedLateAt !== null && (
          <Alert color="blue">
            {t('progress.startedLate', {
              planned: status.scheduledAt === null ? '' : format(status.scheduledAt),
              started: format(status.startedLateAt),
            })}
          </Alert>
        )}
        {status.state === 'scheduled' && status.scheduledAt !== null && (
          <Text size="sm">{t('progress.scheduledFor', { at: format(status.scheduledAt) })}</Text>
        )}
        <Progress value={percent} size="lg" aria-label={t('progress.bar')} />
        <Text size="sm" data-testid="send-counts">
          {t('progress.counts', {
            sent: status.sent,
            total: status.recipients,
            failed: status.failed,
            bounced: status.bounced,
            suppressed: status.suppressed,
            waiting: status.queued + status.retry + status.sending,
          })}
        </Text>
        {status.webVersion.state !== 'none' && (
          <Text
            size="sm"
            c={status.webVersion.state === 'refused' ? 'red' : 'dimmed'}
            data-testid="web-version"
            data-state={status.webVersion.state}
          >
            {t(`progress.webVersion.${status.webVersion.state}`)}
          </Text>
        )}
        {status.expectedEndAt !== null && status.state === 'running' && (
          <Text size="sm">{t('progress.expectedEnd', { at: format(status.expectedEndAt) })}</Text>
        )}
        {status.pauseReason && (
          <Alert color="orange" data-testid="pause-reason">
            {t(status.pauseReason)}
            {status.pauseDetail && (
              <Text size="xs" c="dimmed">
                {status.pauseDetail}
              </Text>
            )}
          </Alert>
        )}
        {status.uncertain > 0 && (
          <UncertainList
            sendId={status.sendId}
            count={status.uncertain}
            busy={busy}
            onRetry={() => void act('send.retryUncertain')}
            onNotSent={() => void act('send.markUncertainNotSent')}
          />
        )}
        {error !== null && <Alert color="red">{errorText(error, t)}</Alert>}
        <Group>
          {(status.state === 'running' || status.state === 'scheduled') && (
            <Button variant="light" onClick={() => void act('send.pause')} loading={busy}>
              {t('progress.pause')}
            </Button>
          )}
          {status.state === 'paused' && (
            <Button onClick={() => void act('send.resume')} loading={busy}>
              {restored ? t('progress.resumeRestored') : t('progress.resume')}
            </Button>
          )}
          {(status.state === 'running' ||
            status.state === 'scheduled' ||
            status.state === 'paused') && (
            <Button
              variant="subtle"
              color="red"
              onClick={() => void act('send.cancel')}
              loading={busy}
            >
              {t('progress.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
