import type { QueryClient } from '@tanstack/react-query';
import type { ChannelName, EventName, EventPayload } from '../../../electron/contract';

/**
 * Which read channels an event from the main side makes stale. The one place to add a line when a
 * page must follow an event: the page itself only calls useChannelQuery.
 */
export const staleAfter: { readonly [E in EventName]?: readonly ChannelName[] } = {
  // A sync brings unsubscribes, re-subscriptions, opens, clicks and the credit balance.
  'sync.finished': [
    'account.status',
    'sync.status',
    'suppression.list',
    'suppression.status',
    'credits.get',
    'credits.history',
    'app.info',
  ],
  'credits.changed': ['app.info', 'credits.get', 'credits.history'],
  'settings.changed': ['app.info', 'settings.get'],
  'send.progress': ['send.list', 'send.status', 'stats.home'],
  'import.progress': ['selections.list'],
  'bounces.processed': ['bounces.list', 'suppression.list', 'suppression.status'],
};

type Subscribe = <E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
) => () => void;

/** Subscribes once to every event in the table; returns the unsubscribe. */
export function invalidateOnEvents(client: QueryClient, on: Subscribe): () => void {
  const offs = (Object.keys(staleAfter) as EventName[]).map((event) =>
    on(event, () => {
      for (const channel of staleAfter[event] ?? [])
        void client.invalidateQueries({ queryKey: [channel] });
    }),
  );
  return () => offs.forEach((off) => off());
}
