import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAccount } from '../../../tracker/accounts';
import { openSqliteStore } from '../../../tracker/store/openStore';
import { signToken } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { TEST_SCRYPT } from './helpers/fixtures';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

describe('npm run tracker (tracker/cli.ts)', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir('winkelpost-tracker-cli-');
  });
  afterEach(() => dir.remove());

  it.each([
    ['one process', '1'],
    ['two workers sharing the port', '2'],
  ])(
    'serves on 127.0.0.1 from TRACKER_DB and stores every buffered event when stopped (%s)',
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

      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'tracker/cli.ts'], {
        cwd: join(import.meta.dirname, '..', '..', '..'),
        env: {
          ...process.env,
          TRACKER_DB: dbPath,
          TRACKER_PORT: String(port),
          TRACKER_PUBLIC_URL: 'https://t.example',
          TRACKER_WORKERS: workers,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      try {
        const url = `http://127.0.0.1:${port}`;
        await vi.waitFor(
          () =>
            expect(output.split('tracker on https://t.example (sqlite store)')).toHaveLength(
              Number(workers) + 1,
            ),
          { timeout: 30_000, interval: 100 },
        );
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
          expect((await fetch(`${url}/o/${token}.gif`)).status).toBe(200);
        };
        // In parallel: several connections, which the cluster spreads over the workers.
        await Promise.all(Array.from({ length: 200 }, (_, i) => open(i)));
      } finally {
        child.kill('SIGTERM');
        const [code] = await once(child, 'exit');
        expect(code).toBe(0);
      }
      const store = openSqliteStore(dbPath);
      const { events } = await store.eventsAfter(account.id, null, 1000);
      await store.close();
      expect(events).toHaveLength(200);
      expect(new Set(events.map((e) => e.recipient)).size).toBe(200);
      // Request lines (with full client addresses) are not logged.
      expect(output).not.toContain('remoteAddress');
    },
  );
});
