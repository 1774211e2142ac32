import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName, EventName, EventPayload } from '../../../electron/contract';

/** Channels an event makes stale; with `when`, only on the events whose payload passes it. */
interface StaleRule<E extends EventName> {
  channels: readonly ChannelName[];
  when?: (payload: EventPayload<E>) => boolean;
}

/** The channels an event makes stale: a plain list, one rule, or several rules. */
type Stale<E extends EventName> = readonly ChannelName[] | StaleRule<E> | readonly StaleRule<E>[];

/**
 * What a finished import changes: the lists, the counts of a mailing's selections, its checklist.
 * Its "done" event alone makes them stale (the Selecties page, the import folder, automations).
 */
const IMPORT_CHANGES: readonly ChannelName[] = [
  'selections.list',
  'selections.get',
  'mailings.recipients',
  'checklist.get',
];

/**
 * Which read channels an event from the main side makes stale. The one place to add a line when a
 * page must follow an event: the page itself only calls useChannelQuery.
 */
export const staleAfter: { readonly [E in EventName]?: Stale<E> } = {
  // A sync brings unsubscribes, re-subscriptions, opens, clicks and the credit balance.
  'sync.finished': [
    'account.status',
    'sync.status',
    'suppression.list',
    'suppression.status',
    'credits.get',
    'credits.history',
    'app.info',
    'stats.list',
    'stats.get',
    'stats.home',
    'stats.details',
    'followUps.list',
    'followUps.forMailing',
    // Unsubscribes, opens and clicks change who a mailing reaches (behaviour conditions too), and
    // the sync anonymises old statistics, which leave the segment editor's earlier mailings.
    'mailings.recipients',
    'mailings.segment',
    'checklist.get',
  ],
  'credits.changed': ['app.info', 'credits.get', 'credits.history'],
  'settings.changed': ['app.info', 'settings.get'],
  'send.progress': [
    {
      channels: [
        'send.list',
        'send.status',
        'send.uncertain',
        'stats.home',
        'stats.list',
        'stats.get',
        'mailings.list',
        'followUps.list',
        'followUps.forMailing',
      ],
    },
    // A sent mailing becomes an earlier mailing for the segment's behaviour conditions: once, when
    // its send ends, not with each progress report (several a second).
    { channels: ['mailings.segment'], when: (progress) => progress.state === 'finished' },
  ],
  // Progress comes many times per file (its rows are shown from the cache, importProgress.ts);
  // the lists change once, when the import is done.
  'import.progress': { channels: IMPORT_CHANGES, when: (progress) => progress.done },
  'automations.changed': ['automations.list', 'automations.runs'],
  'bounces.processed': [
    'bounces.list',
    'bounces.getSettings',
    'suppression.list',
    'suppression.status',
  ],
};

export type Subscribe = <E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
) => () => void;

/** Subscribes once to every event in the table; returns the unsubscribe. */
export function invalidateOnEvents(client: QueryClient, on: Subscribe): () => void {
  const offs = (Object.keys(staleAfter) as EventName[]).map((event) => listen(client, on, event));
  return () => offs.forEach((off) => off());
}

function listen<E extends EventName>(client: QueryClient, on: Subscribe, event: E): () => void {
  const rules = rulesOf(staleAfter[event] as Stale<E>);
  return on(event, (payload) => {
    for (const rule of rules) {
      if (rule.when && !rule.when(payload)) continue;
      for (const channel of rule.channels) void client.invalidateQueries({ queryKey: [channel] });
    }
  });
}

function rulesOf<E extends EventName>(stale: Stale<E>): readonly StaleRule<E>[] {
  if ('channels' in stale) return [stale];
  if (stale.every((entry): entry is ChannelName => typeof entry === 'string'))
    return [{ channels: stale }];
  return stale as readonly StaleRule<E>[];
}
