import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing } from './seed';

const HOUR = 60 * 60 * 1000;
const LARGE = 100_000;

/**
 * send.start stages the recipients and writes the jobs in chunks with turns of the event loop in
 * between, so a large send does not hold the app (or the queue of another send) while it starts;
 * and a start that the app stopped in the middle of leaves nothing behind.
 */
describe('send.start in turns', () => {
  let tracker: RunningTracker | undefined;
  let app: TestApp | undefined;
  let dir = tempDir();
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await app?.close();
    await tracker?.close();
    app = tracker = undefined;
    dir.remove();
  });

  async function open(): Promise<TestApp> {
    app = await openTestApp(dir.path, clock, { sending: { resolver: fakeResolver() } });
    return app;
  }

  const jobsOf = (t: TestApp, sendId: string) =>
    t.app.context.database.sqlite
      .prepare('select count(*) from send_jobs where send_id = ?')
      .pluck()
      .get(sendId) as number;

  it(`at ${LARGE.toLocaleString('en')} recipients, never blocks the event loop for long`, async () => {
    tracker = await startTracker({ credits: LARGE });
    const t = await open();
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: LARGE });
    // Step 6 before "Versturen", as in the app: the compiler is loaded once already.
    await t.call('checklist.get', { mailingId });

    const delay = monitorEventLoopDelay({ resolution: 1 });
    let turns = 0;
    const ticker = setInterval(() => (turns += 1), 1);
    delay.enable();
    const begun = performance.now();
    // Scheduled an hour ahead: the jobs are written, no mail goes out during the test.
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'large-start',
      at: clock.now() + HOUR,
    });
    const took = performance.now() - begun;
    delay.disable();
    clearInterval(ticker);

    expect(started).toMatchObject({ state: 'scheduled', recipients: LARGE, credits: LARGE });
    expect(jobsOf(t, started.sendId)).toBe(LARGE);
    // Measured against the start's own duration, not a clock: the longest single block is a
    // small part of it, and timers kept running throughout (before: one block of ~80%).
    const longestBlock = delay.max / 1e6;
    expect(longestBlock).toBeLessThan(took / 4);
    expect(turns).toBeGreaterThan(20);
  }, 300_000);

  it('a start the app stopped while writing jobs is undone at the next start', async () => {
    tracker = await startTracker();
    let t = await open();
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 20 });
    // What a crash during send.start leaves: the send still 'preparing' with some of its jobs.
    const { sends, jobs } = t.app.sending;
    sends.insertPreparing({
      id: 'snd_interrupted',
      mailingId,
      idempotencyKey: 'interrupted',
      creditsPerMail: 1,
      creditsReserved: 20,
      skipped: { duplicates: 0, suppressed: 0, recentlyMailed: 0 },
      createdAt: clock.now(),
    });
    const job = (i: number) => ({
      contactId: null,
      email: `half${i}@example.nl`,
      normalizedEmail: `half${i}@example.nl`,
      recipientId: `r${i}`,
      messageId: `<m${i}@bakkerij.nl>`,
      data: {},
    });
    jobs.enqueue('snd_interrupted', mailingId, [job(1), job(2)], clock.now());
    // Nobody sees it meanwhile, and the mailing cannot be started twice.
    expect(sends.get('snd_interrupted')).toBeUndefined();
    expect(await t.call('send.list', {})).toEqual([]);
    await expect(
      t.call('send.start', { mailingId, confirmed: ALL_TICKED, idempotencyKey: 'another-start' }),
    ).rejects.toThrow(/already being sent/);
    await t.close();

    t = await open();
    expect(jobsOf(t, 'snd_interrupted')).toBe(0);
    expect(t.app.context.database.sqlite.prepare(`select count(*) from sends`).pluck().get()).toBe(
      0,
    );
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'interrupted',
      at: clock.now() + HOUR,
    });
    expect(started).toMatchObject({ recipients: 20, existing: false });
    expect(jobsOf(t, started.sendId)).toBe(20);
  });
});
