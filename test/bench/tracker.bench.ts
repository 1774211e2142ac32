import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAccount } from '../../tracker/accounts';
import { TrackerClient } from '../../tracker/client';
import { buildTracker } from '../../tracker/server';
import { openSqliteStore } from '../../tracker/store/openStore';
import type { NewEvent } from '../../tracker/store/types';
import { signToken, type TokenKind } from '../../tracker/tokens';
import { tempDir } from '../helpers/tempDir';

/**
 * The tracker under load on loopback, SQLite store: pixel and click throughput and p99 with
 * autocannon against `npm run tracker` (tracker/cli.ts in its own process), every event counted in
 * the database after a SIGTERM (which must flush the buffer); then 100,000 events pulled through
 * the API. Baselines from the same run: a bare Fastify GIF route in the same kind of child process,
 * and the same 100,000 events read straight from the store.
 */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  amount: number;
  requests?: { path: string }[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const PIXEL_REQUESTS = 40_000;
const CLICK_REQUESTS = 30_000;
const SYNC_EVENTS = 100_000;
const SYNC_PAGE = 10_000;
// Enough to keep the server busy on 2 cores without turning queueing into latency.
const CONNECTIONS = 20;
const root = join(import.meta.dirname, '..', '..');

const BASELINE_SERVER = `
import Fastify from 'fastify';
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const app = Fastify({ routerOptions: { maxParamLength: 4096 } });
app.get('/o/:file', async (request, reply) => reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(gif));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/o/warmup.gif`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`server at ${url} did not start`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  child.kill('SIGTERM');
  return exited;
}

function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

export default async function trackerBench(): Promise<Record<string, unknown>> {
  const dir = tempDir('winkelpost-tracker-bench-');
  const dbPath = join(dir.path, 'tracker.sqlite');
  try {
    // An account with a link table, as the app would leave it.
    const setup = openSqliteStore(dbPath);
    const account = await createAccount(setup, {
      userName: 'bench',
      shopName: 'Bench',
      password: 'bench-password',
      now: Date.now(),
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    const syncAccount = await createAccount(setup, {
      userName: 'sync',
      shopName: 'Sync',
      password: 'sync-password',
      now: Date.now(),
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    const key = (await setup.currentKey(account.id))!;
    await setup.putLinks(account.id, 'm1', [{ id: 0, url: 'https://jouwmodezaak.nl/sale' }]);
    await setup.close();
    const token = (kind: TokenKind, recipient: string, link?: number) =>
      signToken(
        { v: 1, kid: key.kid, account: account.id, mailing: 'm1', recipient, kind, link },
        key.key,
      );
    const recipients = Array.from({ length: 200 }, (_, i) => `r${i}`);

    // Baseline: bare Fastify answering the same GIF, no token, no event.
    const basePort = await freePort();
    const baseline = spawnNode(['--input-type=module', '-e', BASELINE_SERVER], {
      PORT: String(basePort),
    });
    const baseUrl = `http://127.0.0.1:${basePort}`;
    await waitUntilUp(baseUrl, baseline);
    await autocannon({ url: `${baseUrl}/o/x.gif`, connections: CONNECTIONS, amount: 5_000 });
    const base = await autocannon({
      url: `${baseUrl}/o/x.gif`,
      connections: CONNECTIONS,
      amount: PIXEL_REQUESTS,
    });
    await stop(baseline);

    // The tracker as `npm run tracker` starts it.
    const port = await freePort();
    const tracker = spawnNode(['tracker/cli.ts'], {
      TRACKER_DB: dbPath,
      TRACKER_PORT: String(port),
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(url, tracker);
    // Warm-up with invalid tokens: same code path, nothing stored.
    await autocannon({ url: `${url}/o/warmup.gif`, connections: CONNECTIONS, amount: 5_000 });
    const pixel = await autocannon({
      url,
      connections: CONNECTIONS,
      amount: PIXEL_REQUESTS,
      requests: recipients.map((r) => ({ path: `/o/${token('open', r)}.gif` })),
    });
    const click = await autocannon({
      url,
      connections: CONNECTIONS,
      amount: CLICK_REQUESTS,
      requests: recipients.map((r) => ({ path: `/c/${token('click', r, 0)}` })),
    });
    const exitCode = await stop(tracker);

    const db = new Database(dbPath, { readonly: true });
    const counts = Object.fromEntries(
      (
        db.prepare('select kind, count(*) as n from events group by kind').all() as {
          kind: string;
          n: number;
        }[]
      ).map((r) => [r.kind, r.n]),
    );
    db.close();

    // Sync: 100,000 events pulled page by page through the API, against reading them from the store.
    const store = openSqliteStore(dbPath);
    const now = Date.now();
    for (let start = 0; start < SYNC_EVENTS; start += 10_000) {
      const batch: NewEvent[] = Array.from({ length: 10_000 }, (_, i) => ({
        id: randomUUID(),
        account: syncAccount.id,
        kind: 'click',
        mailing: 'm2',
        recipient: `r${start + i}`,
        link: 1,
        machine: null,
        at: now,
        ip: '192.0.2.0',
        userAgent: 'bench',
      }));
      await store.insertEvents(batch);
    }
    const server = buildTracker({ store, publicUrl: 'http://127.0.0.1', retention: false });
    const apiUrl = await server.listen({ host: '127.0.0.1', port: 0 });
    const client = new TrackerClient({ baseUrl: apiUrl });
    await client.login('sync', 'sync-password');
    const pulled = async (
      page: (cursor: string | null) => Promise<{ count: number; next: string | null }>,
    ) => {
      let cursor: string | null = null;
      let total = 0;
      const started = performance.now();
      for (;;) {
        const result = await page(cursor);
        if (result.count === 0) break;
        total += result.count;
        cursor = result.next;
      }
      return { total, ms: performance.now() - started };
    };
    const direct = await pulled(async (cursor) => {
      const page = await store.eventsAfter(syncAccount.id, cursor, SYNC_PAGE);
      return { count: page.events.length, next: page.nextCursor };
    });
    const api = await pulled(async (cursor) => {
      const page = await client.eventsAfter(cursor, SYNC_PAGE);
      return { count: page.events.length, next: page.nextCursor };
    });
    await server.close();
    await store.close();

    const pixelOk = pixel['2xx'];
    const clickOk = click['3xx'];
    return {
      connections: CONNECTIONS,
      baselinePixelRequestsPerSecond: round(base.requests.average),
      baselinePixelP99Ms: base.latency.p99,
      pixelRequests: pixel.requests.total,
      pixelRequestsPerSecond: round(pixel.requests.average),
      pixelP50Ms: pixel.latency.p50,
      pixelP99Ms: pixel.latency.p99,
      pixelVsBaseline: round(pixel.requests.average / base.requests.average, 2),
      pixelErrors: pixel.errors + pixel.timeouts + pixel.non2xx,
      openEventsStored: counts.open ?? 0,
      openEventsEqualRequests: (counts.open ?? 0) === pixelOk,
      clickRequests: click.requests.total,
      clickRequestsPerSecond: round(click.requests.average),
      clickP99Ms: click.latency.p99,
      clickVsBaseline: round(click.requests.average / base.requests.average, 2),
      clickNon302: click.requests.total - clickOk,
      clickEventsStored: counts.click ?? 0,
      clickEventsEqualRequests: (counts.click ?? 0) === clickOk,
      trackerExitCode: exitCode,
      syncEvents: api.total,
      syncApiMs: round(api.ms),
      syncStoreMs: round(direct.ms),
      syncApiVsStore: round(api.ms / direct.ms, 2),
      targets: {
        pixelAtLeast10kPerSecond: pixel.requests.average >= 10_000,
        pixelP99Under20Ms: pixel.latency.p99 < 20,
        everyEventStored: (counts.open ?? 0) === pixelOk && (counts.click ?? 0) === clickOk,
        sync100kUnder2s: api.total === SYNC_EVENTS && api.ms < 2000,
      },
    };
  } finally {
    dir.remove();
  }
}
