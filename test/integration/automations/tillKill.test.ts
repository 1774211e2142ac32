import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { join } from 'node:path';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, until } from '../sending/seed';
import { crashRig, exited, readDatabase, startChild } from '../sending/queueProcess';
import { startSmtpSink } from '../sending/smtpSink';
import { startTracker } from '../sync/trackerFixture';
import { dropTillFile, setUpTillAutomation, tillRow } from './tillSetup';

const COUNT = 60;
const ALL_DAY = { windowStart: '00:00', windowEnd: '24:00', days: [1, 2, 3, 4, 5, 6, 7] };

/** The app on the real clock (the child process runs on it too), as the test's own process. */
function openOnRealClock(dataDir: string): Promise<TestApp> {
  return openTestApp(dataDir, new ManualClock(Date.now()), {
    sending: { resolver: fakeResolver() },
  });
}

describe('a till run killed with SIGKILL', () => {
  const rig = crashRig();
  afterEach(() => rig.cleanUp());

  it('resumes after each kill and mails every voucher once', async () => {
    rig.sink = await startSmtpSink({ replyDelayMs: 50 });
    rig.tracker = await startTracker({ credits: 5000 });
    const dataDir = join(rig.dir.path, 'app');
    const folder = join(rig.dir.path, 'kassa');
    let t = await openOnRealClock(dataDir);
    const { automationId } = await setUpTillAutomation(t, {
      tracker: rig.tracker,
      smtpPort: rig.sink.port,
      importFolder: folder,
      settings: { ...ALL_DAY, maxRecipients: 1000, maxCredits: 10_000 },
    });
    await t.close();
    const rows = Array.from({ length: COUNT }, (_, i) => tillRow(i, `K${i}`));
    dropTillFile(folder, 'waardebon.csv', rows, Date.now());

    // First kill: as soon as the run exists (importing, checking or just started sending).
    let child = await startChild(dataDir);
    rig.child = child;
    await until(
      'the run to begin',
      () => runCount(dataDir),
      (n) => n > 0,
      30_000,
    );
    child.kill('SIGKILL');
    await exited(child);

    // Second kill: mid-send, while the server holds the fifth message of this start.
    child = await startChild(dataDir);
    rig.child = child;
    let seen = 0;
    const killed = new Promise<void>((resolve) => {
      rig.sink!.behaviour = {
        replyDelayMs: 50,
        onMessage: () => {
          seen += 1;
          if (seen === 5) {
            child.kill('SIGKILL');
            resolve();
          }
          return undefined;
        },
      };
    });
    await Promise.race([killed, exited(child)]);
    await exited(child);
    // Other connections may finish a message between the kill and the process's end.
    expect(seen, 'killed mid-send').toBeGreaterThanOrEqual(5);
    expect(seen, 'killed mid-send, not after the send ended').toBeLessThan(COUNT);
    rig.sink.behaviour = {};

    // The next start goes on with the same run and the same send.
    t = await openOnRealClock(dataDir);
    try {
      const runs = await until(
        'the run to finish',
        () => t.call('automations.runs', { id: automationId }),
        (r) => r.length === 1 && r[0]!.state === 'finished',
      );
      const uncertain = await t.call('send.uncertain', { sendId: runs[0]!.sendId! });
      const addresses = rig.sink.received.flatMap((m) => m.to);
      expect(new Set(addresses).size).toBe(addresses.length);
      expect(addresses.length).toBeGreaterThanOrEqual(COUNT - uncertain.length);
      expect(runs[0]!.sent + uncertain.length).toBe(COUNT);
      expect(
        readDatabase(dataDir, (db) => db.prepare('select count(*) as n from sends').get()),
      ).toEqual({ n: 1 });
    } finally {
      await t.close();
    }
  });
});

function runCount(dataDir: string): number {
  return readDatabase(
    dataDir,
    (db) => (db.prepare('select count(*) as n from automation_runs').get() as { n: number }).n,
  );
}
