import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBuffer, MAX_ANSWER_WAIT_MS } from '../../../tracker/eventBuffer';
import type { Account, TrackerStore } from '../../../tracker/store/types';
import { event, testAccount } from './helpers/fixtures';
import { sqliteFactory } from './helpers/storeFactories';

describe('EventBuffer on a real SQLite store', () => {
  let store: TrackerStore;
  let cleanup: () => Promise<void>;
  let account: Account;
  beforeEach(async () => {
    ({ store, cleanup } = await sqliteFactory());
    account = await testAccount(store);
  });
  afterEach(async () => cleanup());

  const stored = async () => (await store.eventsAfter(account.id, null, 10_000)).events.length;

  /** The real store, with the size of each write it is given. */
  const countingBatches = () => {
    const batches: number[] = [];
    const counting: TrackerStore = {
      ...store,
      insertEvents: (events) => {
        batches.push(events.length);
        return store.insertEvents(events);
      },
    };
    return { batches, counting };
  };

  it('writes in batches of at most maxBatch and drains everything on close', async () => {
    const { batches, counting } = countingBatches();
    const buffer = new EventBuffer(counting, { maxBatch: 100, intervalMs: 60_000 });
    for (let i = 0; i < 250; i += 1) buffer.push(event(account.id));
    await buffer.close();
    expect(await stored()).toBe(250);
    expect(Math.max(...batches)).toBeLessThanOrEqual(100);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(250);
  });

  it('written() resolves once the events pushed this turn are stored, in one write for all', async () => {
    const { batches, counting } = countingBatches();
    const buffer = new EventBuffer(counting, { intervalMs: 60_000 });
    const waits = Array.from({ length: 30 }, () => {
      buffer.push(event(account.id));
      return buffer.written();
    });
    await Promise.all(waits);
    expect(await stored()).toBe(30);
    expect(batches).toEqual([30]);
    await buffer.close();
  });

  it('written() gives up after MAX_ANSWER_WAIT_MS on a store that hangs, and keeps the event', async () => {
    let release = () => {};
    const hanging: TrackerStore = {
      ...store,
      insertEvents: (events) =>
        new Promise((resolve) => {
          release = () => resolve(store.insertEvents(events));
        }),
    };
    const buffer = new EventBuffer(hanging, { intervalMs: 60_000 });
    buffer.push(event(account.id));
    const started = performance.now();
    await buffer.written();
    expect(performance.now() - started).toBeGreaterThanOrEqual(MAX_ANSWER_WAIT_MS - 5);
    expect(await stored()).toBe(0);
    release();
    await buffer.close();
    expect(await stored()).toBe(1);
  });

  it('keeps a batch the store refused and writes it on the next flush', async () => {
    let refuse = true;
    const errors: unknown[] = [];
    const flaky: TrackerStore = {
      ...store,
      insertEvents: (events) =>
        refuse ? Promise.reject(new Error('disk full')) : store.insertEvents(events),
    };
    const buffer = new EventBuffer(flaky, { intervalMs: 60_000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 5; i += 1) buffer.push(event(account.id));
    await buffer.flush();
    expect(errors).toHaveLength(1);
    expect(buffer.size).toBe(5);
    expect(await stored()).toBe(0);
    refuse = false;
    await buffer.close();
    expect(await stored()).toBe(5);
  });

  it('says so on close when events could not be stored', async () => {
    const broken: TrackerStore = {
      ...store,
      insertEvents: () => Promise.reject(new Error('gone')),
    };
    const buffer = new EventBuffer(broken, { intervalMs: 60_000 });
    buffer.push(event(account.id));
    await expect(buffer.close()).rejects.toThrow('1 tracking events could not be stored');
  });

  it('holds at most maxPending events while the store is down and counts the ones it drops', async () => {
    let down = true;
    const drops: number[] = [];
    const flaky: TrackerStore = {
      ...store,
      insertEvents: (events) =>
        down ? Promise.reject(new Error('store down')) : store.insertEvents(events),
    };
    const buffer = new EventBuffer(flaky, {
      maxBatch: 2,
      maxPending: 5,
      intervalMs: 60_000,
      onError: () => undefined,
      onDrop: (total) => drops.push(total),
    });
    const accepted = Array.from({ length: 8 }, () => buffer.push(event(account.id)));
    await buffer.flush();
    expect(accepted).toEqual([true, true, true, true, true, false, false, false]);
    expect(buffer.size).toBe(5);
    expect(buffer.dropped).toBe(3);
    expect(drops).toEqual([1, 2, 3]);
    down = false;
    await buffer.flush();
    expect(buffer.size).toBe(0);
    expect(buffer.push(event(account.id))).toBe(true);
    await buffer.close();
    expect(await stored()).toBe(6);
    expect(buffer.dropped).toBe(3);
  });
});
