import { once } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { trackerProcessFixture } from './helpers/trackerProcessFixture';
import { startTrackerProcess } from './helpers/trackerProcess';

/**
 * `npm run tracker` killed with SIGKILL: every open it answered was in its spool before the
 * answer left, so it is stored after the worker (or the whole tracker) is started again. The
 * ingester is stopped (SIGSTOP) while the opens come in, so nothing is stored before the kill.
 * And stopped with SIGTERM: the ingester stores the whole spool once the workers have ended.
 */
describe('npm run tracker killed or stopped: no answered open lost', () => {
  const { openAll, recipients, storedRecipients, track, ...fixture } = trackerProcessFixture(
    'winkelpost-tracker-crash-',
  );
  const start = (workers: number) =>
    startTrackerProcess({ dbPath: fixture.dbPath(), workers }).then(track);

  const isRunning = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('stores what a killed worker answered once its replacement runs', async () => {
    const tracker = await start(1);
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
    const tracker = await start(2);
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
    const first = await start(2);
    const [ingester] = first.pidsThatLogged('spool ingester started');
    process.kill(ingester!, 'SIGSTOP');
    await openAll(first.url, recipients('r', 100));
    const exited = once(first.child, 'exit');
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited;
    expect(await storedRecipients()).toEqual([]);

    const second = await start(1);
    expect(await second.stop()).toBe(0);
    expect(await storedRecipients()).toEqual(recipients('r', 100).sort());
  });
});
