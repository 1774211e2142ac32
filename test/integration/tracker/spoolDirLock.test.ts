import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { trackerProcessFixture } from './helpers/trackerProcessFixture';
import { startTrackerProcess, trackerRefusal } from './helpers/trackerProcess';

/**
 * Two `npm run tracker` given one TRACKER_SPOOL_DIR by hand: the second would store and delete the
 * first one's live segments, so it refuses to start in one line and the first stores all it
 * answered. A tracker killed with SIGKILL leaves no lock in the way of the next start.
 */
describe('npm run tracker: one tracker per spool folder', () => {
  const { openAll, recipients, storedRecipients, track, ...fixture } = trackerProcessFixture(
    'winkelpost-tracker-lock-',
  );
  const options = () => ({
    dbPath: fixture.dbPath(),
    workers: 1,
    env: { TRACKER_SPOOL_DIR: `${fixture.dbPath()}.shared-spool` },
  });

  it('refuses a second tracker on the same spool folder with one clear line', async () => {
    const first = track(await startTrackerProcess(options()));
    const [ingester] = first.pidsThatLogged('spool ingester started');
    // Nothing stored yet: a second ingester, were it running, would find these segments.
    process.kill(ingester!, 'SIGSTOP');
    await openAll(first.url, recipients('r', 20));

    const second = await trackerRefusal(options());
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `tracker not started: the event spool folder ${options().env.TRACKER_SPOOL_DIR} is in use ` +
        `by another tracker (process ${first.child.pid}); give each tracker its own TRACKER_SPOOL_DIR`,
    ]);
    expect(second.stdout).toBe('');

    process.kill(ingester!, 'SIGCONT');
    expect(await first.stop()).toBe(0);
    expect(await storedRecipients()).toEqual(recipients('r', 20).sort());
  });

  it('starts in a folder whose tracker was killed, and stores what that one answered', async () => {
    const first = track(await startTrackerProcess(options()));
    const [ingester] = first.pidsThatLogged('spool ingester started');
    process.kill(ingester!, 'SIGSTOP');
    await openAll(first.url, recipients('r', 20));
    const exited = once(first.child, 'exit');
    process.kill(-first.child.pid!, 'SIGKILL');
    await exited;

    const second = track(await startTrackerProcess(options()));
    expect(await second.stop()).toBe(0);
    expect(await storedRecipients()).toEqual(recipients('r', 20).sort());
  });
});
