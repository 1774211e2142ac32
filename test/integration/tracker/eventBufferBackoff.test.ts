import { afterEach, describe, expect, it } from 'vitest';
import type { TrackerStore } from '../../../tracker/store/types';
import { sqliteFactory, type StoreFactory } from './helpers/storeFactories';
import { startTestTracker, type TestTracker } from './helpers/testTracker';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
const REQUESTS = 60;

/**
 * While the store refuses writes the tracker backs off instead of trying (and logging) on every
 * flush, and once the store is back it stores what it held without being asked.
 */
describe('tracker event writes while the store is down', () => {
  let t: TestTracker | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('tries far less often than requests arrive, logs the outage once and stores after it', async () => {
    let storeDown = true;
    let attempts = 0;
    const logLines: { level: number; msg: string; refusedWrites?: number }[] = [];
    const failingWhileDown: StoreFactory = async () => {
      const opened = await sqliteFactory();
      const store: TrackerStore = {
        ...opened.store,
        insertEvents: (events) => {
          attempts += 1;
          return storeDown
            ? Promise.reject(new Error('store down'))
            : opened.store.insertEvents(events);
        },
      };
      return { store, cleanup: opened.cleanup };
    };
    t = await startTestTracker(failingWhileDown, {
      // A batch of one: without a back-off every request would start a write of its own.
      eventBuffer: { maxBatch: 1, intervalMs: 5, retry: { firstDelayMs: 20, maxDelayMs: 200 } },
      logger: { level: 'info', stream: { write: (line) => logLines.push(JSON.parse(line)) } },
    });
    const tracker = t;

    for (let i = 0; i < REQUESTS; i += 1) {
      const token = tracker.token('open', { recipient: `r${i}` });
      const response = await fetch(`${tracker.url}/o/${token}.gif`, {
        headers: { 'user-agent': BROWSER },
      });
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
    const attemptsWhileDown = attempts;
    expect(attemptsWhileDown).toBeGreaterThan(0);
    expect(attemptsWhileDown).toBeLessThan(REQUESTS / 4);

    storeDown = false;
    // No flush from here: the buffer's own timer must find the store back.
    await expect
      .poll(async () => (await tracker.store.eventsAfter(tracker.account.id, null, 1000)).events, {
        timeout: 10_000,
      })
      .toHaveLength(REQUESTS);

    const failed = logLines.filter((l) => l.msg.startsWith('storing tracking events failed'));
    const recovered = logLines.filter((l) => l.msg === 'storing tracking events works again');
    expect(failed).toHaveLength(1);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.refusedWrites).toBe(attemptsWhileDown);
  });
});
