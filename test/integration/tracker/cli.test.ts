import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../../tracker/accounts';
import { openSqliteStore } from '../../../tracker/store/openStore';
import { signToken } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { TEST_SCRYPT } from './helpers/fixtures';
import { startTrackerProcess } from './helpers/trackerProcess';

describe('npm run tracker (tracker/cli.ts)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('winkelpost-tracker-cli-');
  });
  afterEach(() => dir.remove());

  it.each([
    ['one worker', 1],
    ['two workers sharing the port', 2],
  ])(
    'serves on 127.0.0.1 from TRACKER_DB and stores every spooled event when stopped (%s)',
    async (_name, workers) => {
      const dbPath = join(dir.path, 'tracker.sqlite');
      const setup = openSqliteStore(dbPath);
      const account = await createAccount(setup, {
        userName: 'modezaak',
        shopName: 'Jouw Modezaak',
        password: 'correct horse',
        now: Date.now(),
        scrypt: TEST_SCRYPT,
      });
      const key = (await setup.currentKey(account.id))!;
      await setup.close();

      const tracker = await startTrackerProcess({ dbPath, workers });
      try {
        expect(tracker.output()).toContain('tracker on https://t.example (sqlite store)');
        const open = async (i: number) => {
          const token = signToken(
            {
              v: 1,
              kid: key.kid,
              account: account.id,
              mailing: 'm1',
              recipient: `r${i}`,
              kind: 'open',
            },
            key.key,
          );
          expect((await fetch(`${tracker.url}/o/${token}.gif`)).status).toBe(200);
        };
        // In parallel: several connections, which the cluster spreads over the workers.
        await Promise.all(Array.from({ length: 200 }, (_, i) => open(i)));
      } finally {
        expect(await tracker.stop()).toBe(0);
      }
      const store = openSqliteStore(dbPath);
      const { events } = await store.eventsAfter(account.id, null, 1000);
      await store.close();
      expect(events).toHaveLength(200);
      expect(new Set(events.map((e) => e.recipient)).size).toBe(200);
      // Request lines (with full client addresses) are not logged.
      expect(tracker.output()).not.toContain('remoteAddress');
    },
  );
});
