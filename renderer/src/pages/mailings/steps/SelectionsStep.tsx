import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/contract';
import { api } from '../../../api';
import { channelKey } from '../../../data/channelKey';
import { useChannelQuery } from '../../../data/useChannelQuery';
import { errorMessage } from '../../../components/fieldErrors';
import { formatDate, formatDateTime } from '../../../format';
import { CREDITS_PER_MAIL } from '../../../../../electron/contract/plain/credits';
import { useDraftSnapshot } from '../../../mailing/DraftContext';
import { isReadOnly } from '../../../mailing/mailingTypes';
import { useSendStatus } from '../../sending/useSendStatus';
import type { StepProps } from '../flow/stepProps';
import { SelectionsRecipients } from './SelectionsRecipients';
import { SegmentEditor } from './segments/SegmentEditor';

type Summary = ChannelOutput<'mailings.recipients'>;

/**
 * Step 3, Selecties: tick the selections this mailing goes to (only those younger than two months;
 * older ones are greyed with the reason) and see who will receive it after merging duplicates,
 * removing blocked addresses and (by default) those mailed in the last 48 hours.
 */
export function SelectionsStep({ mailingId }: StepProps) {
  const { t, i18n } = useTranslation('selections');
  const mailingType = useDraftSnapshot((s) => s.mailing.type);
  const readOnly = useDraftSnapshot((s) => isReadOnly(s.mailing));
  const send = useSendStatus(mailingId);
  const client = useQueryClient();
  const selectionsQuery = useChannelQuery('selections.list', {});
  const recipientsKey = channelKey('mailings.recipients', { id: mailingId });
  const recipientsQuery = useChannelQuery('mailings.recipients', { id: mailingId });
  const selections = recipientsQuery.data ? (selectionsQuery.data ?? null) : null;
  const summary = recipientsQuery.data ?? null;
  /** The ticks not saved yet; until the first click, those of the mailing. */
  const [ticked, setTicked] = useState<Set<string> | null>(null);
  const chosen = ticked ?? new Set(summary?.selectionIds);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [saveError, setSaveError] = useState('');
  const loadError = selectionsQuery.error ?? recipientsQuery.error;
  const error = saveError || (loadError ? errorMessage(loadError, t) : '');
  /** The mailing's recipients as the main side answered them after saving. */
  const setSummary = (next: Summary) => client.setQueryData(recipientsKey, next);

  /** The ticks waiting for a save while one runs: saves go one at a time, the latest wins. */
  const waiting = useRef<Set<string> | null>(null);
  const running = useRef(false);

  const saveNow = async (set: Set<string>) => {
    const usable = new Set(selections?.filter((s) => s.usable).map((s) => s.id));
    const result = await api.call('mailings.setSelections', {
      id: mailingId,
      selectionIds: [...set].filter((id) => usable.has(id)),
    });
    setSummary(result);
    // Other selections have other columns for the segment's conditions.
    void client.invalidateQueries({
      queryKey: channelKey('mailings.segment', { id: mailingId }),
    });
    // A tick made while this save ran is kept on screen; its own save follows.
    if (!waiting.current) setTicked(new Set(result.selectionIds));
  };

  /** Saves `set` now, or right after the save that runs; a tick is never left unsaved. */
  const save = async (set: Set<string>) => {
    waiting.current = set;
    if (running.current) return;
    running.current = true;
    setState('saving');
    try {
      while (waiting.current) {
        const next = waiting.current;
        waiting.current = null;
        await saveNow(next);
      }
      setSaveError('');
      setState('saved');
    } catch (e) {
      waiting.current = null;
      setSaveError(errorMessage(e, t));
      setState('idle');
    } finally {
      running.current = false;
    }
  };

  // A tick saves at once, as every other step does: leaving the step never loses it, and the
  // recipients and credits below follow the ticks.
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
    void save(next);
  };

  if (!selections) return error ? <Alert color="red">{error}</Alert> : null;
  if (readOnly) {
    // Sent or on its way: the send's own figures, and the ticks as they were, not to be changed.
    return (
      <Stack gap="md" maw={960} data-testid="selections-step">
        <Title order={3}>{t('step.title')}</Title>
        {send && (
          <Alert color="gray" data-testid="selections-sent">
            {t(send.state === 'finished' ? 'step.sentTo' : 'step.goingTo', {
              count: send.recipients,
            })}
          </Alert>
        )}
        <Stack gap="xs">
          {selections
            .filter((s) => chosen.has(s.id))
            .map((s) => (
              <Checkbox
                key={s.id}
                disabled
                checked
                label={`${s.description} — ${formatDateTime(s.createdAt, i18n.language, { seconds: true })} — ${t('list.count')}: ${s.count}`}
              />
            ))}
        </Stack>
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={960} data-testid="selections-step">
      <div>
        <Title order={3}>{t('step.title')}</Title>
        <Text c="dimmed">{t('step.intro')}</Text>
      </div>
      {selections.length === 0 && <Alert color="gray">{t('step.none')}</Alert>}
      <Stack gap="xs">
        {selections.map((s) => (
          <Checkbox
            key={s.id}
            disabled={!s.usable}
            checked={s.usable && chosen.has(s.id)}
            onChange={(e) => toggle(s.id, e.currentTarget.checked)}
            label={`${s.description} — ${formatDateTime(s.createdAt, i18n.language, { seconds: true })} — ${t('list.count')}: ${s.count}`}
            description={
              s.usable
                ? undefined
                : t('step.tooOld', { date: formatDate(s.createdAt, i18n.language) })
            }
          />
        ))}
      </Stack>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save(chosen)} loading={state === 'saving'}>
          {t('step.save')}
        </Button>
        {state === 'saved' && (
          <Text size="sm" c="green.8" role="status">
            {t('step.saved')}
          </Text>
        )}
      </Group>
      {summary && summary.selectionIds.length > 0 && <SegmentEditor mailingId={mailingId} />}
      {summary && (
        <SelectionsRecipients summary={summary} creditsPerMail={CREDITS_PER_MAIL[mailingType]} />
      )}
    </Stack>
  );
}
