import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing, until } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

const HOUR = 60 * 60 * 1000;

describe('scheduled sends', () => {
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  let app: TestApp | undefined;
  let dir = tempDir();
  let clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  beforeEach(() => {
    dir = tempDir();
    clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  });
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    await tracker?.close();
    app = sink = tracker = undefined;
    dir.remove();
  });

  async function open(): Promise<TestApp> {
    app = await openTestApp(dir.path, clock, { sending: { resolver: fakeResolver() } });
    return app;
  }

  // A moment less than a minute ahead is a schedule too, not "now".
  it.each([
    ['an hour', HOUR],
    ['30 seconds', 30_000],
  ])('starts when due while the app runs (%s ahead)', async (_label, ahead) => {
    sink = await startSmtpSink();
    tracker = await startTracker();
    const t = await open();
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 5 });
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'visit-scheduled-running',
      at: clock.now() + ahead,
    });
    expect(started.state).toBe('scheduled');
    expect((await t.call('mailings.get', { id: mailingId })).status).toBe('scheduled');
    // The credits are held from the moment it is scheduled.
    expect(await tracker.store.getBalance(tracker.accountId)).toEqual({
      balance: 995,
      reserved: 5,
    });

    t.app.sending.manager.kick();
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received).toHaveLength(0);

    clock.advance(ahead);
    t.app.sending.manager.kick();
    const done = await until(
      'the send to finish',
      async () => (await t.call('send.status', { sendId: started.sendId }))!,
      (s) => s.state === 'finished',
    );
    expect(done.startedLateAt).toBeNull();
    expect(sink.received).toHaveLength(5);
  });

  it('a send that was due while the app was closed starts on the next start, with a notice', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker();
    let t = await open();
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 7 });
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'visit-scheduled-closed',
      at: clock.now() + 2 * HOUR,
    });
    await app!.close();
    app = undefined;

    clock.advance(3 * HOUR);
    t = await open();
    const status = await until(
      'the send to finish',
      async () => (await t.call('send.status', { sendId: started.sendId }))!,
      (s) => s.state === 'finished',
    );
    expect(status.startedLateAt).toBe(clock.now());
    expect(status.sent).toBe(7);
    expect(sink.received).toHaveLength(7);
    expect((await t.call('mailings.get', { id: mailingId })).status).toBe('sent');
    const listed = await t.call('send.list', {});
    expect(listed.map((s) => s.sendId)).toContain(started.sendId);
  });
});
