import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Radio,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { CheckStatus } from './CheckStatus';
import { SendProgress } from '../../sending/SendProgress';
import { SEND_CHANNELS, useSendStatus } from '../../sending/useSendStatus';
import { fillSampleCustomer } from '../../../../../electron/contract/plain/variables';
import { ConfirmCostDialog } from '../../../components/ConfirmCostDialog';
import { ManualChecks } from '../../../components/ManualChecks';
import { useDraft, useDraftSnapshot } from '../../../mailing/DraftContext';
import type { StepProps } from '../flow/stepProps';
import { errorText } from '../../../components/fieldErrors';
import { formatLongMoment, useFormat } from '../../../format';
import { useChannelQuery } from '../../../data/useChannelQuery';
import { useInvalidate } from '../../../data/useInvalidate';

/** "2026-11-21T14:30" in local time, for the datetime-local field. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * Step 6, Versturen: the checklist with links to each fix, the manual items to tick, now or a
 * moment; the button appears only when nothing fails and every item is ticked. One idempotency key
 * per visit of this page: a double click or a second window starts one send.
 */
export function SendStep({ mailingId }: StepProps) {
  const { t } = useTranslation('mailings');
  const isTemplate = useDraftSnapshot((s) => s.mailing.templateKey !== null);
  // A template is never sent (the main side refuses it too): no checklist, no send button.
  if (isTemplate)
    return (
      <Alert color="yellow" maw={760} data-testid="template-not-sent">
        {t('errors.templateSend')}
      </Alert>
    );
  return <SendControls mailingId={mailingId} />;
}

function SendControls({ mailingId }: StepProps) {
  const { t, i18n } = useTranslation('sending');
  const format = useFormat();
  const draft = useDraft();
  // The open draft is saved before every check, so the checklist sees what is on screen.
  const checks = useChannelQuery(
    'checklist.get',
    { mailingId },
    { prepare: () => draft.flush(), forgetOnLeave: true },
  );
  const checklist = checks.data ?? null;
  const [startError, setStartError] = useState<unknown>(null);
  const error = startError ?? (checks.isError ? checks.error : null);
  const invalidate = useInvalidate();
  const [ticked, setTicked] = useState<string[]>([]);
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState(() => localInputValue(Date.now() + 60 * 60 * 1000));
  const [starting, setStarting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const subject = useDraftSnapshot((s) => s.mailing.subject);
  const idempotencyKey = useMemo(() => `visit-${crypto.randomUUID()}`, []);
  const status = useSendStatus(mailingId);

  const [openedAt] = useState(() => Date.now());
  const load = () => {
    setStartError(null);
    void checks.refetch();
  };

  if (status && status.state !== 'cancelled') {
    return (
      <Stack maw={860} data-testid="send-step">
        <Title order={3}>{t('send.inProgress')}</Title>
        <SendProgress status={status} />
      </Stack>
    );
  }
  if (error !== null && !checklist) {
    return (
      <Alert color="red" role="alert">
        {errorText(error, t)}
      </Alert>
    );
  }
  if (!checklist) return <Loader />;

  const allTicked = checklist.manual.every((m) => ticked.includes(m.id));
  const atMs = when === 'later' ? new Date(at).getTime() : undefined;
  const momentValid = atMs === undefined || (Number.isFinite(atMs) && atMs > openedAt);
  const canSend = checklist.canSend && allTicked && momentValid;

  const start = async () => {
    setConfirming(false);
    setStarting(true);
    setStartError(null);
    try {
      await api.call('send.start', {
        mailingId,
        confirmed: ticked,
        idempotencyKey,
        ...(atMs !== undefined ? { at: atMs } : {}),
      });
      await invalidate(...SEND_CHANNELS);
    } catch (caught) {
      setStartError(caught);
      void checks.refetch();
    } finally {
      setStarting(false);
    }
  };

  const paramsFor = (params: Record<string, string | number> | undefined) => {
    const out: Record<string, string | number> = { ...params };
    for (const key of ['testedAt', 'changedAt'] as const) {
      const value = out[key];
      if (typeof value === 'number') {
        out[key] = format.dateTime(value);
      }
    }
    return out;
  };

  return (
    <Stack maw={860} gap="md" data-testid="send-step">
      <div>
        <Title order={3}>{t('send.title')}</Title>
        <Text c="dimmed">{t('send.intro')}</Text>
      </div>
      {!checklist.accountLinked && (
        <Alert color="blue" data-testid="account-needed">
          {t('send.accountNeeded')} <Anchor href="#/account">{t('send.toAccount')}</Anchor>
        </Alert>
      )}
      <Table data-testid="checklist">
        <Table.Tbody>
          {checklist.items.map((item) => (
            <Table.Tr key={item.id} data-check={item.id} data-status={item.status}>
              <Table.Td w={120}>
                <CheckStatus status={item.status} label={t(`send.status.${item.status}`)} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`checklist.${item.id}.label`)}
                </Text>
                <Text size="sm">{t(item.key, paramsFor(item.params))}</Text>
              </Table.Td>
              <Table.Td w={110}>
                {item.fix && item.status !== 'ok' && (
                  <Anchor
                    href={item.fix}
                    size="sm"
                    // Six "Oplossen" links must differ for a screen reader: "Oplossen: Onderwerp".
                    aria-label={`${t('send.fix')}: ${t(`checklist.${item.id}.label`)}`}
                  >
                    {t('send.fix')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="light" onClick={load}>
          {t('send.recheck')}
        </Button>
      </Group>
      <ManualChecks
        title={t('send.manualTitle')}
        manual={checklist.manual}
        ticked={ticked}
        onChange={setTicked}
      />
      <Radio.Group
        label={t('send.when')}
        value={when}
        onChange={(value) => setWhen(value === 'later' ? 'later' : 'now')}
      >
        <Group mt="xs">
          <Radio value="now" label={t('send.now')} />
          <Radio value="later" label={t('send.later')} />
        </Group>
      </Radio.Group>
      {when === 'later' && (
        <TextInput
          type="datetime-local"
          label={t('send.moment')}
          // The field shows the browser's own format (12/07/2026 in an English browser): the
          // moment written out in the app's language below it leaves no doubt.
          description={
            atMs !== undefined && Number.isFinite(atMs)
              ? t('send.momentWritten', { moment: formatLongMoment(atMs, i18n.language) })
              : undefined
          }
          value={at}
          onChange={(event) => setAt(event.currentTarget.value)}
          error={momentValid ? undefined : t('send.momentInPast')}
        />
      )}
      <Text size="sm">
        {t('send.summary', {
          count: checklist.recipients,
          recipients: format.number(checklist.recipients),
          credits: format.number(checklist.credits.needed),
        })}
      </Text>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(error, t)}
        </Alert>
      )}
      {canSend ? (
        <Group>
          <Button
            size="md"
            onClick={() => setConfirming(true)}
            loading={starting}
            data-testid="send-button"
          >
            {when === 'later' ? t('send.schedule') : t('send.send')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed" data-testid="send-blocked">
          {checklist.canSend ? t('send.tickAll') : t('send.fixFirst')}
        </Text>
      )}
      <ConfirmCostDialog
        opened={confirming}
        testId="send-confirm"
        title={when === 'later' ? t('send.confirm.titleLater') : t('send.confirm.title')}
        question={t(when === 'later' ? 'send.confirm.later' : 'send.confirm.now', {
          subject: fillSampleCustomer(subject) || t('progress.noSubject'),
          count: checklist.recipients,
          recipients: format.number(checklist.recipients),
          credits: format.number(checklist.credits.needed),
          at: atMs === undefined ? '' : format.dateTime(atMs),
        })}
        details={
          checklist.credits.available !== null && (
            <Text size="sm" c="dimmed">
              {t('send.confirm.balance', {
                available: format.number(checklist.credits.available),
                after: format.number(checklist.credits.available - checklist.credits.needed),
              })}
            </Text>
          )
        }
        confirmLabel={when === 'later' ? t('send.schedule') : t('send.send')}
        busy={starting}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      />
    </Stack>
  );
}
