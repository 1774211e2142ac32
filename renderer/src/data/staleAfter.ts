import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName, EventName, EventPayload } from '../../../electron/contract';

/** The channels an event makes stale, or only those events whose payload passes `when`. */
type Stale<E extends EventName> =
  | readonly ChannelName[]
  | { channels: readonly ChannelName[]; when: (payload: EventPayload<E>) => boolean };

/** What a finished import changes: the lists, the counts of a mailing's selections, its checklist. */
export const IMPORT_CHANGES: readonly ChannelName[] = [
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
    'send.list',
    'send.status',
    'send.uncertain',
    'stats.home',
    'stats.list',
    'stats.get',
    'mailings.list',
    'followUps.list',
    'followUps.forMailing',
    // A sent mailing becomes an earlier mailing for the segment's behaviour conditions.
    'mailings.segment',
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
  const stale = staleAfter[event] as Stale<E>;
  const channels = 'channels' in stale ? stale.channels : stale;
  return on(event, (payload) => {
    if ('when' in stale && !stale.when(payload)) return;
    for (const channel of channels) void client.invalidateQueries({ queryKey: [channel] });
  });
}
