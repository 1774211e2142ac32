import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../electron/app';
import { DEFAULT_WINDOW, FLUSH_RESULTS } from '../../../electron/services/sending/sendManager';
import { startTracker } from '../sync/trackerFixture';
import { until } from './seed';
import { startSmtpSink } from './smtpSink';
import {
  childAppOptions,
  crashRig,
  exited,
  prepareScheduledSend,
  startChild,
} from './queueProcess';

const COUNT = 400;

describe('the sending process killed with SIGKILL in the middle of a send', () => {
  const rig = crashRig();
  afterEach(() => rig.cleanUp());

  it('never gives an address two different Message-IDs; uncertain ≤ in flight; retry reuses the ids', async () => {
    rig.sink = await startSmtpSink();
    rig.tracker = await startTracker({ credits: 5000 });
    const options = childAppOptions(rig.dir.path);
    const started = await prepareScheduledSend(rig.dir.path, {
      smtpPort: rig.sink.port,
      tracker: rig.tracker,
      count: COUNT,
      perSecond: 60,
    });
    expect(started.state).toBe('scheduled');

    // The queue process starts it (it was due while "closed"), and is killed half-way.
    rig.child = await startChild(rig.dir.path);
    await until(
      'mails arriving',
      () => rig.sink!.received.length,
      (n) => n >= 80,
      60_000,
    );
    rig.child.kill('SIGKILL');
    await exited(rig.child);
    const db = new Database(join(rig.dir.path, 'winkelpost.sqlite'), { readonly: true });
    const inFlight = (
      db.prepare(`select count(*) as n from send_jobs where state = 'sending'`).get() as {
        n: number;
      }
    ).n;
    const startedLate = db.prepare('select started_late_at as at from sends').get() as {
      at: number | null;
    };
    db.close();
    expect(startedLate.at).not.toBeNull();
    const receivedAtKill = rig.sink.received.length;
    expect(receivedAtKill).toBeLessThan(COUNT);

    // Restarted: what was in flight is uncertain, the rest goes out.
    rig.child = await startChild(rig.dir.path);
    const readState = () => {
      const ro = new Database(join(rig.dir.path, 'winkelpost.sqlite'), { readonly: true });
      try {
        return ro
          .prepare(
            `select s.state, sum(j.state = 'uncertain') as uncertain, sum(j.state = 'sent') as sent
             from sends s join send_jobs j on j.send_id = s.id group by s.id`,
          )
          .get() as { state: string; uncertain: number; sent: number };
      } finally {
        ro.close();
      }
    };
    const afterRestart = await until(
      'the send to finish',
      readState,
      (s) => s.state === 'finished',
      90_000,
    );
    rig.child.kill('SIGTERM');
    await exited(rig.child);
    rig.child = undefined;
    expect(afterRestart.uncertain).toBeLessThanOrEqual(inFlight);
    // In flight = handed to the server (at most the window) or delivered but not yet written down.
    expect(afterRestart.uncertain).toBeLessThanOrEqual(DEFAULT_WINDOW + FLUSH_RESULTS);
    expect(afterRestart.sent + afterRestart.uncertain).toBe(COUNT);

    const idsPerAddress = () => {
      const map = new Map<string, Set<string>>();
      for (const mail of rig.sink!.received) {
        for (const to of mail.to) map.set(to, (map.get(to) ?? new Set()).add(mail.messageId ?? ''));
      }
      return map;
    };
    for (const ids of idsPerAddress().values()) expect(ids.size).toBe(1);

    // "Opnieuw proberen" on the uncertain ones: the same Message-IDs again, nobody gets a new one.
    const app = await createApp({ ...options });
    try {
      const retried = await app.handlers['send.retryUncertain']({ sendId: started.sendId });
      expect(retried.ok).toBe(true);
      await until(
        'the retry to finish',
        async () => {
          const status = await app.handlers['send.status']({ sendId: started.sendId });
          return status.ok ? (status.value as { state: string; uncertain: number }) : null;
        },
        (s) => s !== null && s.state === 'finished' && s.uncertain === 0,
      );
    } finally {
      await app.close();
    }
    const finalIds = idsPerAddress();
    expect(finalIds.size).toBe(COUNT);
    for (const ids of finalIds.values()) expect(ids.size).toBe(1);
  });
});
