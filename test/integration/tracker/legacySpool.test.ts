import { once } from 'node:events';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../../tracker/store/openStore';
import type { Account } from '../../../tracker/store/types';
import { takeOverLegacySpool } from '../../../tracker/spool/legacySpool';
import { newSegmentPath } from '../../../tracker/spool/spoolFiles';
import { SpoolIngester } from '../../../tracker/spool/spoolIngester';
import { spoolLine } from '../../../tracker/spool/spoolLine';
import { SpoolWriter } from '../../../tracker/spool/spoolWriter';
import { signToken } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { testAccount } from './helpers/fixtures';
import { withPostgres } from './helpers/postgresSetup';
import { startTrackerProcess, type TrackerProcess } from './helpers/trackerProcess';

/** A process id that runs nothing: its segments were left by a killed worker. */
const DEAD_PID = 2 ** 22 + 17;
const AT = Date.UTC(2026, 11, 7, 9, 0, 0);

/**
 * `npm run tracker` on PostgreSQL upgraded from the version whose default spool folder was
 * `./tracker-spool` (now `./tracker-spool-<port>`): what the older tracker left there, stopped
 * hard or with its ingester behind, is taken over and stored, each event once; a tracker still
 * running on that folder keeps it.
 */
withPostgres((cluster) => {
  describe('npm run tracker on PostgreSQL: the spool an older tracker left in ./tracker-spool', () => {
    let dir: ReturnType<typeof tempDir>;
    let databaseUrl: string;
    let account: Account;
    let key: { kid: string; key: Buffer };
    const running: TrackerProcess[] = [];
    const legacy = () => join(dir.path, 'tracker-spool');

    beforeEach(async () => {
      dir = tempDir('winkelpost-tracker-legacy-');
      databaseUrl = await cluster().createDatabase();
      const store = await openPostgresStore(databaseUrl);
      account = await testAccount(store);
      key = (await store.currentKey(account.id))!;
      await store.close();
    });
    afterEach(async () => {
      for (const tracker of running.splice(0))
        if (tracker.child.exitCode === null) {
          process.kill(-tracker.child.pid!, 'SIGKILL');
          await once(tracker.child, 'exit');
        }
      dir.remove();
    });

    const start = async (env: Record<string, string> = {}) => {
      const tracker = await startTrackerProcess({
        dbPath: join(dir.path, 'unused.sqlite'),
        workers: 1,
        cwd: dir.path,
        env: { DATABASE_URL: databaseUrl, TRACKER_SPOOL_DIR: '', ...env },
      });
      running.push(tracker);
      return tracker;
    };
    const openToken = (recipient: string) =>
      signToken(
        { v: 1, kid: key.kid, account: account.id, mailing: 'm1', recipient, kind: 'open' },
        key.key,
      );
    const line = (recipient: string, i = 0) =>
      spoolLine('open', AT + i, '192.0.2.0', openToken(recipient), 'Mail/16.0');
    /** The line format of the version that spooled into ./tracker-spool (no CR, `o`). */
    const oldLine = (recipient: string, i = 0) =>
      `o\t${AT + i}\t192.0.2.0\t${openToken(recipient)}\t=Mail/16.0\n`;
    const names = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    /** Every stored open's recipient, duplicates kept. */
    const storedRecipients = async () => {
      const store = await openPostgresStore(databaseUrl);
      try {
        const { events } = await store.eventsAfter(account.id, null, 10_000);
        return events.map((e) => e.recipient!).sort();
      } finally {
        await store.close();
      }
    };
    const linesOf = (output: string, text: string) =>
      output.split('\n').filter((l) => l.includes(text));

    it('stores every event left there exactly once, then removes the folder', async () => {
      mkdirSync(legacy());
      // The older ingester was behind: it stored this killed worker's first lines, not the rest.
      const behind = newSegmentPath(legacy(), DEAD_PID);
      appendFileSync(behind, names('stored', 3).map(oldLine).join(''));
      const store = await openPostgresStore(databaseUrl);
      await new SpoolIngester(legacy(), store, { writerIsAlive: () => true }).ingestOnce();
      await store.close();
      expect(await storedRecipients()).toEqual(names('stored', 3));
      appendFileSync(behind, names('behind', 3).map(oldLine).join(''));
      // A worker killed amid a write: its last line never went out whole (never answered).
      appendFileSync(
        newSegmentPath(legacy(), DEAD_PID + 1),
        names('killed', 4).map(oldLine).join('') + oldLine('torn').slice(0, 40),
      );
      // A segment its writer closed (moved on to the next) before the tracker stopped.
      const writer = new SpoolWriter(legacy());
      for (const [i, recipient] of names('closed', 5).entries())
        writer.append(line(recipient, i), {} as never, () => undefined);
      writer.close();

      const tracker = await start();
      expect(linesOf(tracker.output(), 'took over')).toEqual([
        `took over 3 unstored event spool segments from the old folder ${legacy()}; the folder is removed`,
      ]);
      expect(existsSync(legacy())).toBe(false);
      expect(await tracker.stop()).toBe(0);
      expect(await storedRecipients()).toEqual(
        [
          ...names('stored', 3),
          ...names('behind', 3),
          ...names('killed', 4),
          ...names('closed', 5),
        ].sort(),
      );
    });

    it('leaves a segment a running process still writes for the next start', async () => {
      mkdirSync(legacy());
      appendFileSync(newSegmentPath(legacy(), DEAD_PID), names('dead', 2).map(oldLine).join(''));
      // This process holds a segment of its own open, as a running older worker would.
      const live = newSegmentPath(legacy());
      const fd = openSync(live, 'a');
      appendFileSync(fd, names('live', 2).map(oldLine).join(''));

      const first = await start();
      expect(linesOf(first.output(), 'took over')).toEqual([
        `took over 1 unstored event spool segments from the old folder ${legacy()}; 1 left ` +
          `there: a running process still writes them (taken over at the next start)`,
      ]);
      expect(readdirSync(legacy())).toContain(live.slice(legacy().length + 1));
      expect(await first.stop()).toBe(0);
      expect(await storedRecipients()).toEqual(names('dead', 2));

      closeSync(fd);
      const second = await start();
      expect(linesOf(second.output(), 'took over')).toEqual([
        `took over 1 unstored event spool segments from the old folder ${legacy()}; the folder is removed`,
      ]);
      expect(await second.stop()).toBe(0);
      expect(await storedRecipients()).toEqual([...names('dead', 2), ...names('live', 2)].sort());
    });

    it('leaves the folder to a tracker running on it, saying so in one line', async () => {
      const owner = await start({ TRACKER_SPOOL_DIR: legacy() });
      const [ingester] = owner.pidsThatLogged('spool ingester started');
      const [worker] = owner.pidsThatLogged('tracker on');
      // Nothing stored yet: the opens wait in the folder the second tracker finds.
      process.kill(ingester!, 'SIGSTOP');
      for (const recipient of names('r', 5)) {
        const answer = await fetch(`${owner.url}/o/${openToken(recipient)}.gif`);
        await answer.arrayBuffer();
      }
      // Its worker killed: that segment's writer is gone, only the lock says whose it is.
      const [segment] = readdirSync(legacy()).filter((name) => name.endsWith('.spool'));
      process.kill(worker!, 'SIGKILL');
      await owner.waitForLog('tracker on', 2);

      const second = await start();
      expect(linesOf(second.output(), 'old event spool folder')).toEqual([
        `the old event spool folder ${legacy()} is in use by another tracker ` +
          `(process ${owner.child.pid}); left to it`,
      ]);
      expect(await second.stop()).toBe(0);
      expect(readdirSync(legacy())).toContain(segment);

      process.kill(ingester!, 'SIGCONT');
      expect(await owner.stop()).toBe(0);
      expect(await storedRecipients()).toEqual(names('r', 5));
    });
  });
});

/** The old folder on another file system (a mount of its own): its segments are copied whole. */
describe('taking over an old spool folder on another file system', () => {
  const SHM = '/dev/shm';
  const otherDevice =
    existsSync(SHM) && statSync(SHM).dev !== statSync(tmpdir()).dev
      ? null
      : `${SHM} is missing or on the same file system as ${tmpdir()}`;
  let local: ReturnType<typeof tempDir>;
  let elsewhere: string;
  beforeEach(() => {
    local = tempDir('winkelpost-spool-');
    if (!otherDevice) elsewhere = mkdtempSync(join(SHM, 'winkelpost-old-spool-'));
  });
  afterEach(() => {
    local.remove();
    if (!otherDevice) rmSync(elsewhere, { recursive: true, force: true });
  });

  it.skipIf(otherDevice)(
    `moves each segment whole under its own name, closed (${otherDevice ?? 'tmpfs'})`,
    () => {
      const legacy = join(elsewhere, 'tracker-spool');
      const spool = join(local.path, 'tracker-spool-8787');
      mkdirSync(legacy);
      const segment = newSegmentPath(legacy, DEAD_PID);
      const text = spoolLine('open', AT, null, 'a.b', 'Mail').repeat(1000);
      appendFileSync(segment, text);
      const name = segment.slice(legacy.length + 1);

      expect(takeOverLegacySpool(legacy, spool)).toBe(
        `took over 1 unstored event spool segments from the old folder ${legacy}; the folder is removed`,
      );
      expect(readdirSync(spool).sort()).toEqual([name, `${name}.closed`]);
      expect(readFileSync(join(spool, name), 'utf8')).toBe(text);
      expect(existsSync(legacy)).toBe(false);
    },
  );
});

describe('an old spool folder that cannot be taken over', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('winkelpost-spool-');
  });
  afterEach(() => dir.remove());

  it('says why in one line and throws nothing, so the tracker still starts', () => {
    // A file where the folder should be.
    const legacy = join(dir.path, 'tracker-spool');
    writeFileSync(legacy, 'not a folder');
    expect(takeOverLegacySpool(legacy, join(dir.path, 'tracker-spool-8787'))).toMatch(
      new RegExp(
        `^taking over the old event spool folder ${legacy} failed after 0 segments ` +
          `\\(Error: EEXIST[^)]*\\); the rest stays there for the next start$`,
      ),
    );
    expect(readFileSync(legacy, 'utf8')).toBe('not a folder');
  });
});
