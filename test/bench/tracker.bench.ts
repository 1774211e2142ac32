import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createAccount } from '../../tracker/accounts';
import { TrackerClient } from '../../tracker/client';
import { MAX_VERIFIED_TOKENS } from '../../tracker/keyRing';
import { buildTracker } from '../../tracker/server';
import { openSqliteStore } from '../../tracker/store/openStore';
import type { NewEvent } from '../../tracker/store/types';
import { signToken, type TokenKind } from '../../tracker/tokens';
import { tempDir } from '../helpers/tempDir';
import {
  hasNginx,
  startBareNode,
  startNginx,
  startTracker,
  stop,
  type Running,
} from './tracker/servers';
import { GOALS, judge } from './report';
import { processTreeCpuMs } from './tracker/processCpu';
import { hasWrk, pathScript, wrk, type WrkResult } from './tracker/wrk';
import { median } from './median';

/**
 * The tracker at reseller scale on loopback: `npm run tracker` with TRACKER_WORKERS processes
 * (default one per core) against Debian's nginx-light serving the same GIF with as many workers,
 * and a bare Node http server (same GIF, same headers, same workers), in alternating rounds of wrk
 * at 64 connections. Goal: the pixel at ≥ 0.8× nginx, p99 < 10 ms, no event lost (every answered
 * open counted in the database after SIGTERM drained the workers). Then clicks, and 100,000
 * events pulled through the API against reading them straight from the store.
 * Beside each rate: the CPU time each server's processes spent per answered request (from /proc)
 * and the load average, because on a shared machine the rates move with everyone else's work.
 */
const CONNECTIONS = 64;
const ROUNDS = 3;
const SECONDS = 5;
const WRK_THREADS = 2;
const SYNC_EVENTS = 100_000;
const SYNC_PAGE = 10_000;
/** Longest wait for the tracker to store a round's answered events before calling them lost. */
const CATCH_UP_LIMIT_MS = 120_000;
/**
 * More distinct tokens than the tracker remembers as checked: every request pays the full HMAC
 * check, as the first fetch of each mail's pixel does (a bench cycling through a few hundred
 * tokens would measure only the remembered ones).
 */
const RECIPIENTS = MAX_VERIFIED_TOKENS * 2;
const WORKERS = Number(process.env.TRACKER_BENCH_WORKERS) || availableParallelism();

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** A wrk round with the server's CPU per answered request (all, and user) and the machine's load. */
type Round = WrkResult & {
  cpuUsPerRequest: number | null;
  userCpuUsPerRequest: number | null;
  load: number;
  /**
   * The tracker only: its CPU per answered request up to the moment every answered event of the
   * round was stored (the ingester catches up after the round; the next server's round waits).
   */
  storedCpuUsPerRequest?: number | null;
  /** The tracker only: the answering processes alone (without the ingester, which runs niced). */
  answeringCpuUsPerRequest?: number | null;
  catchUpMs?: number;
};

const medianOrNull = (values: (number | null)[]) =>
  values.some((v) => v === null) ? null : round(median(values as number[]), 1);

const summary = (runs: Round[]) => ({
  perSecond: round(median(runs.map((r) => r.perSecond))),
  p50Ms: round(median(runs.map((r) => r.p50Ms)), 2),
  p99Ms: round(median(runs.map((r) => r.p99Ms)), 2),
  cpuUsPerRequest: medianOrNull(runs.map((r) => r.cpuUsPerRequest)),
  storedCpuUsPerRequest: medianOrNull(runs.map((r) => r.storedCpuUsPerRequest ?? null)),
  answeringCpuUsPerRequest: medianOrNull(runs.map((r) => r.answeringCpuUsPerRequest ?? null)),
  catchUpMs: runs.map((r) => round(r.catchUpMs ?? 0)),
  userCpuUsPerRequest: medianOrNull(runs.map((r) => r.userCpuUsPerRequest)),
  loadAverage: runs.map((r) => round(r.load, 1)),
  requests: runs.reduce((n, r) => n + r.requests, 0),
  failed: runs.reduce((n, r) => n + r.failed, 0),
});

export default async function trackerBench(): Promise<Record<string, unknown>> {
  if (!hasWrk()) return { skipped: 'wrk is not installed (Debian package "wrk")' };
  const dir = tempDir('winkelpost-tracker-bench-');
  const dbPath = join(dir.path, 'tracker.sqlite');
  const running: Running[] = [];
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
    let trackerServer: Running | null = null;
    const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}`);
    const pixelScript = pathScript(
      dir.path,
      'pixel',
      recipients.map((r) => `/o/${token('open', r)}.gif`),
    );
    const clickScript = pathScript(
      dir.path,
      'click',
      recipients.map((r) => `/c/${token('click', r, 0)}`),
    );
    /** Events of a kind stored so far (the tracker's own file, read while it runs). */
    const storedEvents = (kind: TokenKind) => {
      const db = new Database(dbPath, { readonly: true, timeout: 5000 });
      try {
        return (
          db.prepare('select count(*) as n from events where kind = ?').get(kind) as {
            n: number;
          }
        ).n;
      } finally {
        db.close();
      }
    };
    const answeredSoFar = { open: 0, click: 0 };
    /**
     * Waits until every event the tracker answered so far is stored, so the ingester's catching
     * up never runs during another server's round (it would slow that one and flatter the tracker).
     */
    const waitUntilStored = async (kind: 'open' | 'click') => {
      const started = performance.now();
      // Past the limit the count after SIGTERM tells how many are missing.
      while (
        storedEvents(kind) < answeredSoFar[kind] &&
        performance.now() - started < CATCH_UP_LIMIT_MS
      )
        await new Promise((resolve) => setTimeout(resolve, 50));
      return performance.now() - started;
    };
    const load = async (
      server: Running,
      script = pixelScript,
      seconds = SECONDS,
    ): Promise<Round> => {
      const cpuBefore = processTreeCpuMs(server.child.pid!);
      const result = await wrk({
        url: server.url,
        script,
        connections: CONNECTIONS,
        threads: WRK_THREADS,
        seconds,
      });
      const cpuAfter = processTreeCpuMs(server.child.pid!);
      // The one-minute load average as the round ends (it lags: read it as the machine's state).
      const machineLoad = loadavg()[0]!;
      const answered = result.requests - result.failed;
      const perRequest = (part: 'total' | 'user' | 'niced', after = cpuAfter) =>
        cpuBefore === null || after === null || answered <= 0
          ? null
          : ((after[part] - cpuBefore[part]) * 1000) / answered;
      const measured = {
        ...result,
        cpuUsPerRequest: perRequest('total'),
        userCpuUsPerRequest: perRequest('user'),
        load: machineLoad,
      };
      if (server !== trackerServer) return measured;
      const kind = script === clickScript ? 'click' : 'open';
      answeredSoFar[kind] += answered;
      const catchUpMs = await waitUntilStored(kind);
      const niced = perRequest('niced');
      return {
        ...measured,
        answeringCpuUsPerRequest:
          measured.cpuUsPerRequest === null || niced === null
            ? null
            : measured.cpuUsPerRequest - niced,
        catchUpMs,
        storedCpuUsPerRequest: perRequest('total', processTreeCpuMs(server.child.pid!)),
      };
    };

    const nginx = hasNginx() ? await startNginx(dir.path, WORKERS) : null;
    const bare = await startBareNode(dir.path, WORKERS);
    const tracker = await startTracker(dbPath, WORKERS);
    trackerServer = tracker;
    running.push(...[nginx, bare, tracker].filter((s): s is Running => s !== null));

    // Warm-up (the tracker's answers are counted like every other).
    const warmup = await load(tracker, pixelScript, 2);
    for (const server of [nginx, bare]) if (server) await load(server, pixelScript, 1);
    const runs = { nginx: [] as Round[], bare: [] as Round[], tracker: [] as Round[] };
    for (let r = 0; r < ROUNDS; r += 1) {
      // Alternating order, so no server always runs first (or last) on a warm or busy machine.
      const order = (['nginx', 'bare', 'tracker'] as const).slice();
      if (r % 2) order.reverse();
      for (const name of order) {
        const server = { nginx, bare, tracker }[name];
        if (server) runs[name].push(await load(server));
      }
    }
    const click = await load(tracker, clickScript);
    const exitCode = await stop(tracker.child);

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
    const pixel = summary(runs.tracker);
    const base = summary(runs.bare);
    const web = nginx ? summary(runs.nginx) : null;
    const opensAnswered = warmup.requests - warmup.failed + pixel.requests - pixel.failed;
    const clicksAnswered = click.requests - click.failed;
    // wrk stops mid-request: a request the tracker counted may not be in wrk's total, never fewer.
    const lostEvents =
      Math.max(0, opensAnswered - (counts.open ?? 0)) +
      Math.max(0, clicksAnswered - (counts.click ?? 0));

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
    const pull = async (
      page: (cursor: string | null) => Promise<{ count: number; next: string | null }>,
    ) => {
      let cursor: string | null = null;
      let total = 0;
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (;;) {
        const result = await page(cursor);
        if (result.count === 0) break;
        total += result.count;
        cursor = result.next;
      }
      const used = process.cpuUsage(cpu);
      return { total, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    };
    const fromStore = async (cursor: string | null) => {
      const page = await store.eventsAfter(syncAccount.id, cursor, SYNC_PAGE);
      return { count: page.events.length, next: page.nextCursor };
    };
    const fromApi = async (cursor: string | null) => {
      const page = await client.eventsAfter(cursor, SYNC_PAGE);
      return { count: page.events.length, next: page.nextCursor };
    };
    const direct: { total: number; ms: number; cpuMs: number }[] = [];
    const api: { total: number; ms: number; cpuMs: number }[] = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      direct.push(await pull(fromStore));
      api.push(await pull(fromApi));
    }
    await server.close();
    await store.close();
    const syncApiMs = median(api.map((r) => r.ms));
    const syncStoreMs = median(direct.map((r) => r.ms));
    const syncComplete = api.every((r) => r.total === SYNC_EVENTS);
    const vsNginx = web ? round(pixel.perSecond / web.perSecond, 2) : null;
    const vsBare = round(pixel.perSecond / base.perSecond, 2);
    const cpuRatio = (a: number | null, b: number | null | undefined) =>
      a === null || !b ? null : round(a / b, 2);
    if (web) {
      judge(
        `pixel vs nginx-light (${WORKERS} workers each, ${CONNECTIONS} connections)`,
        vsNginx!,
        GOALS.trackerVsNginx,
        `${pixel.perSecond} vs ${web.perSecond} req/s`,
      );
    } else {
      process.stderr.write('  pixel vs nginx-light: skipped, nginx-light is not installed\n');
    }
    judge('pixel p99 at 64 connections', pixel.p99Ms, GOALS.trackerP99Ms);
    judge(
      'open and click events lost',
      exitCode === 0 ? lostEvents : Infinity,
      GOALS.trackerLostEvents,
      `${opensAnswered + clicksAnswered} answered, tracker exit ${exitCode}`,
    );
    process.stderr.write(
      `  pixel vs bare Node http (reference): ${vsBare}× (${pixel.perSecond} vs ${base.perSecond})\n`,
    );
    process.stderr.write(
      `  pixel CPU per request (reference): tracker ${pixel.cpuUsPerRequest} µs, bare Node ` +
        `${base.cpuUsPerRequest} µs (tracker ${cpuRatio(pixel.cpuUsPerRequest, base.cpuUsPerRequest)}×), ` +
        `nginx ${web?.cpuUsPerRequest ?? '–'} µs; load average ${pixel.loadAverage.join(', ')}\n`,
    );
    process.stderr.write(
      `  pixel CPU per request until stored (reference): tracker ${pixel.storedCpuUsPerRequest} µs ` +
        `(ingester included); answering processes alone ${pixel.answeringCpuUsPerRequest} µs ` +
        `(${cpuRatio(pixel.answeringCpuUsPerRequest, base.cpuUsPerRequest)}× bare Node); ` +
        `catching up after each round ${pixel.catchUpMs.join(', ')} ms\n`,
    );
    process.stderr.write(
      `  pixel user CPU per request (reference): tracker ${pixel.userCpuUsPerRequest} µs, bare Node ` +
        `${base.userCpuUsPerRequest} µs (tracker ${cpuRatio(pixel.userCpuUsPerRequest, base.userCpuUsPerRequest)}×), ` +
        `nginx ${web?.userCpuUsPerRequest ?? '–'} µs\n`,
    );
    judge(
      `sync ${SYNC_EVENTS} events through the API`,
      syncComplete ? syncApiMs : Infinity,
      GOALS.trackerSync100kMs,
    );

    return {
      workers: WORKERS,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      secondsPerRound: SECONDS,
      pixel,
      bareNode: base,
      nginx: web ?? 'skipped: /usr/sbin/nginx not installed (Debian package nginx-light)',
      pixelVsNginx: vsNginx,
      pixelVsBareNode: vsBare,
      pixelCpuVsBareNode: cpuRatio(pixel.cpuUsPerRequest, base.cpuUsPerRequest),
      pixelAnsweringCpuVsBareNode: cpuRatio(pixel.answeringCpuUsPerRequest, base.cpuUsPerRequest),
      pixelCpuVsNginx: cpuRatio(pixel.cpuUsPerRequest, web?.cpuUsPerRequest),
      pixelUserCpuVsBareNode: cpuRatio(pixel.userCpuUsPerRequest, base.userCpuUsPerRequest),
      distinctTokens: RECIPIENTS,
      click: {
        perSecond: round(click.perSecond),
        p99Ms: click.p99Ms,
        failed: click.failed,
        cpuUsPerRequest: click.cpuUsPerRequest === null ? null : round(click.cpuUsPerRequest, 1),
        userCpuUsPerRequest:
          click.userCpuUsPerRequest === null ? null : round(click.userCpuUsPerRequest, 1),
        load: round(click.load, 1),
      },
      opensAnswered,
      openEventsStored: counts.open ?? 0,
      clicksAnswered,
      clickEventsStored: counts.click ?? 0,
      lostEvents,
      trackerExitCode: exitCode,
      syncEvents: SYNC_EVENTS,
      syncPageSize: SYNC_PAGE,
      syncApiMs: round(syncApiMs),
      syncStoreMs: round(syncStoreMs),
      syncApiVsStore: round(syncApiMs / syncStoreMs, 2),
      syncApiCpuMs: round(median(api.map((r) => r.cpuMs))),
      syncStoreCpuMs: round(median(direct.map((r) => r.cpuMs))),
    };
  } finally {
    for (const server of running) await stop(server.child);
    dir.remove();
  }
}
