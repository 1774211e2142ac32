import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrackerStore } from '../../../tracker/store/types';
import { sqliteFactory, type StoreFactory } from './helpers/storeFactories';
import { startTestTracker, type TestTracker } from './helpers/testTracker';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';

/**
 * The store is down and the event buffer full: recipients still get their pixel and their
 * redirect; the tracker counts and logs the opens and clicks it could not keep.
 */
describe('tracker with a full event buffer and the store down', () => {
  let t: TestTracker;
  let storeDown = false;
  const logLines: string[] = [];

  /** The real SQLite store, except that writing events fails while storeDown is set. */
  const failingEventsFactory: StoreFactory = async () => {
    const opened = await sqliteFactory();
    const store: TrackerStore = {
      ...opened.store,
      insertEvents: (events) =>
        storeDown ? Promise.reject(new Error('store down')) : opened.store.insertEvents(events),
    };
    return { store, cleanup: opened.cleanup };
  };

  beforeEach(async () => {
    storeDown = false;
    logLines.length = 0;
    t = await startTestTracker(failingEventsFactory, {
      eventBuffer: { maxPending: 3, intervalMs: 60_000 },
      logger: { level: 'warn', stream: { write: (line) => logLines.push(line) } },
    });
    await t.client.registerLinks('m1', [{ id: 0, url: 'https://jouwmodezaak.nl/sale' }]);
  });
  afterEach(async () => {
    storeDown = false;
    await t.close();
  });

  const open = async (recipient: string) => {
    const response = await fetch(`${t.url}/o/${t.token('open', { recipient })}.gif`, {
      headers: { 'user-agent': BROWSER },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: (await response.arrayBuffer()).byteLength,
    };
  };
  const click = async (recipient: string) => {
    const response = await fetch(`${t.url}/c/${t.token('click', { recipient, link: 0 })}`, {
      redirect: 'manual',
      headers: { 'user-agent': BROWSER },
    });
    return { status: response.status, location: response.headers.get('location') };
  };
  const storedEvents = async () =>
    (await t.store.eventsAfter(t.account.id, null, 1000)).events.map(
      (e) => `${e.kind}:${e.recipient}`,
    );

  it('still answers pixel and click, drops past the cap, counts and logs it', async () => {
    storeDown = true;
    for (const recipient of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      expect(await open(recipient)).toEqual({ status: 200, type: 'image/gif', bytes: 43 });
    }
    for (const recipient of ['r6', 'r7']) {
      expect(await click(recipient)).toEqual({
        status: 302,
        location: 'https://jouwmodezaak.nl/sale',
      });
    }
    await t.server.tracker.flushEvents();
    expect(t.server.tracker.droppedEvents()).toBe(4);
    const warnings = logLines
      .map((line) => JSON.parse(line) as { msg: string; droppedEvents?: number })
      .filter((entry) => entry.droppedEvents !== undefined);
    expect(warnings).toEqual([
      expect.objectContaining({ droppedEvents: 1, msg: expect.stringContaining('buffer is full') }),
    ]);

    storeDown = false;
    await t.server.tracker.flushEvents();
    expect((await storedEvents()).sort()).toEqual(['open:r1', 'open:r2', 'open:r3']);
    expect(await click('r8')).toEqual({ status: 302, location: 'https://jouwmodezaak.nl/sale' });
    await t.server.tracker.flushEvents();
    expect(await storedEvents()).toContain('click:r8');
    expect(t.server.tracker.droppedEvents()).toBe(4);
  });
});
