import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../tracker/clock';
import { startRetentionJob } from '../../../tracker/retention';
import type { Account, TrackerStore } from '../../../tracker/store/types';
import { event, T0, testAccount } from './helpers/fixtures';
import { sqliteFactory } from './helpers/storeFactories';

const DAY = 24 * 60 * 60_000;

describe('retention job', () => {
  let store: TrackerStore;
  let cleanup: () => Promise<void>;
  let account: Account;
  beforeEach(async () => {
    ({ store, cleanup } = await sqliteFactory());
    account = await testAccount(store);
  });
  afterEach(async () => cleanup());

  const recipients = async () =>
    (await store.eventsAfter(account.id, null, 100)).events.map((e) => e.recipient);

  it('runs by itself on its timer and anonymises only what is older than three months', async () => {
    const clock = new ManualClock(T0);
    await store.insertEvents([
      event(account.id, { at: T0 - 100 * DAY, recipient: 'old' }),
      event(account.id, { at: T0 - 80 * DAY, recipient: 'recent' }),
    ]);
    const job = startRetentionJob({ store, clock, intervalMs: 20 });
    try {
      await vi.waitFor(async () => expect(await recipients()).toEqual([null, 'recent']), {
        timeout: 10_000,
        interval: 20,
      });
      clock.advance(20 * DAY);
      await vi.waitFor(async () => expect(await recipients()).toEqual([null, null]), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      job.stop();
    }
  });

  it('starts no timer with interval 0, and runOnce still works', async () => {
    await store.insertEvents([event(account.id, { at: T0 - 100 * DAY })]);
    const job = startRetentionJob({ store, clock: new ManualClock(T0), intervalMs: 0 });
    await new Promise((r) => setTimeout(r, 50));
    expect(await recipients()).toEqual(['r1']);
    expect(await job.runOnce()).toBe(1);
    expect(await recipients()).toEqual([null]);
  });
});
