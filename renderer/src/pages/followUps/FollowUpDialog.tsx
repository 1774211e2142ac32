import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import { FOLLOW_UP_DAYS } from '../../../../electron/contract/plain/followUpDays';
import { api, ApiError } from '../../api';
import { ConfirmCostDialog } from '../../components/ConfirmCostDialog';
import { ManualChecks } from '../../components/ManualChecks';
import { formatDateTime, formatNumber } from '../../format';
import { errorText } from '../../components/fieldErrors';
import { useChannelQuery } from '../../data/useChannelQuery';

type Estimate = ChannelOutput<'followUps.estimate'>;
type FollowUp = ChannelOutput<'followUps.schedule'>;

/**
 * "Tweede kans voor niet-openers": days after the send, its own subject, the manual checks, and
 * the expected recipients and credits; the last question names them before anything is planned.
 */
export function FollowUpDialog(props: {
  mailingId: string;
  onClose: () => void;
  onScheduled: (followUp: FollowUp) => void;
}) {
  const { t, i18n } = useTranslation('followUps');
  const [days, setDays] = useState<number>(3);
  const [subject, setSubject] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [subjectError, setSubjectError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const daysValid =
    Number.isInteger(days) && days >= FOLLOW_UP_DAYS.min && days <= FOLLOW_UP_DAYS.max;

  // A new estimate for every number of days; the last one stays until the next is in.
  const estimated = useChannelQuery(
    'followUps.estimate',
    { mailingId: props.mailingId, days },
    { enabled: daysValid, keepPrevious: true, forgetOnLeave: true },
  );
  const estimate: Estimate | null = estimated.data ?? null;
  const error = scheduleError ?? (estimated.isError ? errorText(estimated.error, t) : null);

  const ready =
    daysValid &&
    estimate !== null &&
    subject.trim() !== '' &&
    estimate.manual.every((m) => ticked.includes(m.id));
  const date = estimate ? formatDateTime(estimate.dueAt, i18n.language) : '';
  const figures = estimate
    ? {
        count: estimate.recipients,
        credits: formatNumber(estimate.credits, i18n.language),
        date,
        subject: subject.trim(),
      }
    : {};

  async function schedule() {
    setBusy(true);
    setScheduleError(null);
    try {
      const followUp = await api.call('followUps.schedule', {
        mailingId: props.mailingId,
        days,
        subject,
        confirmed: ticked,
      });
      props.onScheduled(followUp);
    } catch (failure) {
      setConfirming(false);
      const field =
        failure instanceof ApiError
          ? failure.issues?.find((i) => i.field === 'subject')
          : undefined;
      if (field) setSubjectError(t(field.key ?? 'followUps:errors.subjectEmpty'));
      else setScheduleError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  if (confirming) {
    return (
      <ConfirmCostDialog
        opened
        title={t('confirmTitle')}
        question={t('confirmQuestion', figures)}
        confirmLabel={t('confirm')}
        busy={busy}
        onConfirm={() => void schedule()}
        onCancel={() => setConfirming(false)}
        testId="follow-up-confirm"
      />
    );
  }
  return (
    <Modal opened onClose={props.onClose} title={t('dialogTitle')} centered size="lg">
      <Stack gap="md" data-testid="follow-up-dialog">
        <Text size="sm">{t('intro')}</Text>
        <NumberInput
          label={t('days')}
          description={t('daysHint', FOLLOW_UP_DAYS)}
          min={FOLLOW_UP_DAYS.min}
          max={FOLLOW_UP_DAYS.max}
          allowDecimal={false}
          value={days}
          onChange={(value) => setDays(typeof value === 'number' ? value : Number(value))}
          error={daysValid ? undefined : t('errors.days', FOLLOW_UP_DAYS)}
          w={220}
        />
        <TextInput
          label={t('subject')}
          value={subject}
          maxLength={200}
          onChange={(event) => {
            setSubject(event.currentTarget.value);
            setSubjectError(null);
          }}
          error={subjectError}
        />
        {estimate && daysValid && (
          <Stack gap={4} data-testid="follow-up-estimate">
            <Text>{t('when', { date })}</Text>
            <Text fw={500}>{t('estimate', figures)}</Text>
            <Text size="sm" c="dimmed">
              {t('estimateNote')}
            </Text>
          </Stack>
        )}
        {estimate && (
          <ManualChecks
            title={t('manualTitle')}
            manual={estimate.manual}
            ticked={ticked}
            onChange={setTicked}
          />
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common:confirm.cancel')}
          </Button>
          <Button disabled={!ready} onClick={() => setConfirming(true)}>
            {t('schedule')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
