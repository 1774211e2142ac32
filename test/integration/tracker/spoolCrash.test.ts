import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore } from '../../../tracker/store/openStore';
import type { Account } from '../../../tracker/store/types';
import { signToken } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { testAccount } from './helpers/fixtures';
import { startTrackerProcess, type TrackerProcess } from './helpers/trackerProcess';

/**
 * `npm run tracker` killed with SIGKILL: every open it answered was in its spool before the
 * answer left, so it is stored after the worker (or the whole tracker) is started again. The
 * ingester is stopped (SIGSTOP) while the opens come in, so nothing is stored before the kill.
 * And stopped with SIGTERM: the ingester stores the whole spool once the workers have ended.
 */
describe('npm run tracker killed or stopped: no answered open lost', () => {
  let dir: ReturnType<typeof tempDir>;
  let dbPath: string;
  let account: Account;
  let key: { kid: string; key: Buffer };
  let running: TrackerProcess | undefined;

  beforeEach(async () => {
    dir = tempDir('winkelpost-tracker-crash-');
    dbPath = join(dir.path, 'tracker.sqlite');
    const setup = openSqliteStore(dbPath);
    account = await testAccount(setup);
    key = (await setup.currentKey(account.id))!;
    await setup.close();
  });
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      process.kill(-running.child.pid!, 'SIGKILL');
      await once(running.child, 'exit');
    }
    dir.remove();
  });

  const isRunning = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  const open = async (url: string, recipient: string) => {
    const token = signToken(
      { v: 1, kid: key.kid, account: account.id, mailing: 'm1', recipient, kind: 'open' },
      key.key,
    );
    expect((await fetch(`${url}/o/${token}.gif`)).status).toBe(200);
  };
  const openAll = (url: string, recipients: string[]) =>
    Promise.all(recipients.map((r) => open(url, r)));
  const recipients = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const storedRecipients = async () => {
    const store = openSqliteStore(dbPath);
    const { events } = await store.eventsAfter(account.id, null, 10_000);
    await store.close();
    return events.map((e) => e.recipient).sort();
  };

  it('stores what a killed worker answered once its replacement runs', async () => {
    const tracker = (running = await startTrackerProcess({ dbPath, workers: 1 }));
    const [ingester] = tracker.pidsThatLogged('spool ingester started');
    const [worker] = tracker.pidsThatLogged('tracker on');
    process.kill(ingester!, 'SIGSTOP');
    await openAll(tracker.url, recipients('before', 50));
    process.kill(worker!, 'SIGKILL');
    await tracker.waitForLog('tracker on', 2);
    process.kill(ingester!, 'SIGCONT');
    await openAll(tracker.url, recipients('after', 10));
    expect(await tracker.stop()).toBe(0);
    expect(await storedRecipients()).toEqual(
      [...recipients('after', 10), ...recipients('before', 50)].sort(),
    );
  });

  it('stores the whole spool on SIGTERM, also what the ingester had not reached yet', async () => {
    const tracker = (running = await startTrackerProcess({ dbPath, workers: 2 }));
    const [ingester] = tracker.pidsThatLogged('spool ingester started');
    const workers = tracker.pidsThatLogged('tracker on');
    process.kill(ingester!, 'SIGSTOP');
    await openAll(tracker.url, recipients('r', 100));
    const exited = tracker.stop();
    // The workers end first; the ingester, still stopped, has stored nothing yet.
    await vi.waitFor(() => expect(workers.filter(isRunning)).toEqual([]), {
      timeout: 30_000,
      interval: 50,
    });
    expect(await storedRecipients()).toEqual([]);
    process.kill(ingester!, 'SIGCONT');
    expect(await exited).toBe(0);
    expect(await storedRecipients()).toEqual(recipients('r', 100).sort());
  });

  it('stores what the whole tracker answered before it was killed when it starts again', async () => {
    const first = (running = await startTrackerProcess({ dbPath, workers: 2 }));
    const [ingester] = first.pidsThatLogged('spool ingester started');
    process.kill(ingester!, 'SIGSTOP');
    await openAll(first.url, recipients('r', 100));
    const exited = once(first.child, 'exit');
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited;
    expect(await storedRecipients()).toEqual([]);

    const second = (running = await startTrackerProcess({ dbPath, workers: 1 }));
    expect(await second.stop()).toBe(0);
    expect(await storedRecipients()).toEqual(recipients('r', 100).sort());
  });
});
