import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../electron/contract';
import { invalidateOnEvents } from '../../../renderer/src/data/staleAfter';

/** Stands in for api.on's transport (IPC or server-sent events): delivers events by name. */
function eventHub() {
  const listeners = new Map<string, Set<(payload: never) => void>>();
  return {
    on: (event: EventName, callback: (payload: never) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(callback);
      return () => set.delete(callback);
    },
    emit: (event: EventName, payload: object = {}) =>
      listeners.get(event)?.forEach((cb) => cb(payload as never)),
    count: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}

/** A query on screen (an observer), counting how often its channel was asked. */
async function shown(client: QueryClient, channel: string) {
  let asked = 0;
  const observer = new QueryObserver(client, {
    queryKey: [channel, {}],
    queryFn: () => ++asked,
  });
  const off = observer.subscribe(() => undefined);
  await client.refetchQueries({ queryKey: [channel] });
  return { asked: () => asked, off };
}

describe('staleAfter: events make their channels stale', () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  afterEach(() => client.clear());

  it('a finished sync fetches the block list and the sync line again, an import does not', async () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    const list = await shown(client, 'suppression.list');
    const status = await shown(client, 'account.status');
    const before = [list.asked(), status.asked()];

    hub.emit('import.progress');
    await client.getQueryCache().find({ queryKey: ['suppression.list', {}] })?.promise;
    expect([list.asked(), status.asked()]).toEqual(before);

    hub.emit('sync.finished');
    await expect
      .poll(() => [list.asked(), status.asked()])
      .toEqual([before[0]! + 1, before[1]! + 1]);
    list.off();
    status.off();
    off();
  });

  it('an import makes the Selecties list, the recipients and the checklist stale once, when done', async () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    const channels = ['selections.list', 'mailings.recipients', 'checklist.get'];
    const views = await Promise.all(channels.map((channel) => shown(client, channel)));
    const before = views.map((view) => view.asked());

    hub.emit('import.progress', { fileName: 'klanten.csv', rows: 500, done: false });
    await client.getQueryCache().find({ queryKey: ['selections.list', {}] })?.promise;
    expect(views.map((view) => view.asked())).toEqual(before);

    hub.emit('import.progress', { fileName: 'klanten.csv', rows: 1000, total: 1000, done: true });
    await expect.poll(() => views.map((view) => view.asked())).toEqual(before.map((n) => n + 1));
    views.forEach((view) => view.off());
    off();
  });

  it("a sync and a finished send bring the segment editor's columns and earlier mailings in again", async () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    const segment = await shown(client, 'mailings.segment');
    const before = segment.asked();

    hub.emit('sync.finished');
    await expect.poll(() => segment.asked()).toBe(before + 1);
    hub.emit('send.progress', { sendId: 's1', mailingId: 'm1', state: 'running' });
    await client.getQueryCache().find({ queryKey: ['mailings.segment', {}] })?.promise;
    expect(segment.asked()).toBe(before + 1);
    hub.emit('send.progress', { sendId: 's1', mailingId: 'm1', state: 'finished' });
    await expect.poll(() => segment.asked()).toBe(before + 2);
    segment.off();
    off();
  });

  it('a send moves the mailing lists and statistics on; a run of an automation its list and log', async () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    const channels = ['mailings.list', 'stats.list', 'send.uncertain', 'automations.list'];
    const views = await Promise.all(channels.map((channel) => shown(client, channel)));
    const before = views.map((view) => view.asked());

    hub.emit('send.progress', { sendId: 's1', mailingId: 'm1' });
    await expect
      .poll(() => views.map((view) => view.asked()))
      .toEqual([before[0]! + 1, before[1]! + 1, before[2]! + 1, before[3]!]);

    hub.emit('automations.changed', { automationId: 'a1' });
    await expect.poll(() => views[3]!.asked()).toBe(before[3]! + 1);
    views.forEach((view) => view.off());
    off();
  });

  it("a settings change brings the editor's shop line and mail language (settings.get) in again", async () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    const settings = await shown(client, 'settings.get');
    const before = settings.asked();

    hub.emit('sync.finished');
    await client.getQueryCache().find({ queryKey: ['settings.get', {}] })?.promise;
    expect(settings.asked()).toBe(before);

    hub.emit('settings.changed', { language: 'nl' });
    await expect.poll(() => settings.asked()).toBe(before + 1);
    settings.off();
    off();
  });

  it('subscribes once per event and lets go of every subscription', () => {
    const hub = eventHub();
    const off = invalidateOnEvents(client, hub.on);
    expect(hub.count()).toBeGreaterThanOrEqual(3);
    off();
    expect(hub.count()).toBe(0);
  });
});
