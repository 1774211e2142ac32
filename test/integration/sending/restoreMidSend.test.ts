import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../db/backups';
import { ManualClock } from '../../../electron/services/core/clock';
import { scheduleRestore } from '../../../electron/services/desktop/backupRestore';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker } from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, linkTracker, seedMailing, until } from './seed';
import { crashRig } from './queueProcess';
import { startSmtpSink } from './smtpSink';

const COUNT = 200;
const DAY = 24 * 60 * 60 * 1000;

describe('restoring a backup taken in the middle of a send', () => {
  const rig = crashRig();
  const dir = rig.dir;
  const clock = new ManualClock(Date.now());
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    await rig.cleanUp();
  });

  const open = async () =>
    (t = await openTestApp(dir.path, clock, { sending: { resolver: fakeResolver() } }));

  it('sends nobody a second time: the send comes back paused, with the outcomes of the replaced database', async () => {
    // A slow server, so the backup catches the send half-way.
    const sink = (rig.sink = await startSmtpSink({ replyDelayMs: 20 }));
    const tracker = (rig.tracker = await startTracker({ credits: 5000 }));
    const app = await open();
    await linkTracker(app, tracker);
    const { mailingId } = await seedMailing(app, { smtpPort: sink.port, count: COUNT });
    const started = await app.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'restore-mid-send',
    });
    await until(
      'mails arriving',
      () => sink.received.length,
      (n) => n >= 40,
    );
    // The next day's backup, taken while the send runs (the first day's exists since the start).
    clock.advance(DAY);
    const backupFile = await backupIfDue(
      app.app.context.database.sqlite,
      join(dir.path, 'backups'),
      clock.now(),
    );
    expect(backupFile).not.toBeNull();
    utimesSync(backupFile!, clock.now() / 1000, clock.now() / 1000);
    await until(
      'the send to finish',
      async () => (await app.call('send.status', { sendId: started.sendId }))!,
      (s) => s.state === 'finished',
    );
    const delivered = sink.received.length;
    expect(delivered).toBe(COUNT);
    await app.close();
    t = undefined;

    // As the start-up recovery of a damaged database does: restore it at the next start.
    scheduleRestore(dir.path, backupFile!.slice(join(dir.path, 'backups').length + 1), clock.now());
    const restored = await open();
    const status = (await restored.call('send.status', { sendId: started.sendId }))!;
    expect(status).toMatchObject({
      state: 'paused',
      pauseReason: 'sending:pause.restored',
      sent: COUNT,
      queued: 0,
    });
    // Resuming needs the shop's acknowledgement; then it only finishes.
    await expect(restored.call('send.resume', { sendId: started.sendId })).rejects.toMatchObject({
      error: { key: 'sending:errors.restoreNotAcknowledged' },
    });
    await restored.call('send.resume', { sendId: started.sendId, acknowledgeRestore: true });
    restored.app.sending.manager.kick();
    await until(
      'the send to finish again',
      async () => (await restored.call('send.status', { sendId: started.sendId }))!,
      (s) => s.state === 'finished',
    );
    expect(sink.received).toHaveLength(COUNT);
    expect(new Set(sink.received.map((m) => m.to[0])).size).toBe(COUNT);
  });
});
