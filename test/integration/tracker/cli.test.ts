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

  it('serves on 127.0.0.1 from TRACKER_DB and stores every buffered event when stopped', async () => {
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
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const url = `http://127.0.0.1:${port}`;
      await vi.waitFor(
        () => expect(output).toContain('tracker on https://t.example (sqlite store)'),
        {
          timeout: 30_000,
          interval: 100,
        },
      );
      for (let i = 0; i < 25; i += 1) {
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
      }
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
    const store = openSqliteStore(dbPath);
    const { events } = await store.eventsAfter(account.id, null, 100);
    await store.close();
    expect(events).toHaveLength(25);
    // Request lines (with full client addresses) are not logged.
    expect(output).not.toContain('remoteAddress');
  });
});
