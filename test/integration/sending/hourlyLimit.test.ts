import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing, until } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

const MINUTE = 60 * 1000;
const PER_HOUR = 30;

describe('the hourly sending limit across a restart', () => {
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  let app: TestApp | undefined;
  const dir = tempDir();
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    await tracker?.close();
    dir.remove();
  });

  // The token buckets run on monotonic time; frozen, nothing refills during the test, so what
  // the limiter grants depends only on what the database says went out in the past hour.
  async function open(): Promise<TestApp> {
    const current = await openTestApp(dir.path, clock, {
      sending: { resolver: fakeResolver(), manager: { monotonicNow: () => 0 } },
    });
    app = current;
    return current;
  }

  it('counts the mails of the past hour after the app restarts', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker();
    let t = await open();
    await linkTracker(t, tracker);
    const limitPerHour = () =>
      t.call('settings.update', {
        limits: { perSecond: 500, perHour: PER_HOUR, fairUseHours: 48 },
      });
    const first = await seedMailing(t, { smtpPort: sink.port, count: 10 });
    await limitPerHour();
    const firstSend = await t.call('send.start', {
      mailingId: first.mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'hourly-first',
    });
    await until(
      'the first send to finish',
      async () => (await t.call('send.status', { sendId: firstSend.sendId }))!,
      (s) => s.state === 'finished' && s.sent === 10,
    );
    // The second mailing's 35 customers include the first 10: fair use leaves 25.
    const second = await seedMailing(t, { smtpPort: sink.port, count: 35 });
    await limitPerHour();
    await app!.close();
    app = undefined;

    // Ten minutes later the app starts again: 10 of this hour's 30 are gone already.
    clock.advance(10 * MINUTE);
    t = await open();
    const secondSend = await t.call('send.start', {
      mailingId: second.mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'hourly-second',
    });
    expect(secondSend.recipients).toBe(25);
    const held = await until(
      'the second send to reach the hourly limit',
      async () => (await t.call('send.status', { sendId: secondSend.sendId }))!,
      (s) => s.sent === PER_HOUR - 10 && s.queued === 5,
    );
    expect(held.state).toBe('running');
    // The rest waits for the hour to free up: about two minutes per mail at 30 an hour.
    expect(held.expectedEndAt! - clock.now()).toBeGreaterThanOrEqual(5 * 2 * MINUTE);
    expect(sink.count).toBe(10 + PER_HOUR - 10);
  });
});
