import { loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/openDatabase';
import { SuppressionStore } from '../../electron/services/suppression/suppressionStore';
import { StatsQueries } from '../../electron/services/stats/statsQueries';
import { EventApplier } from '../../electron/services/sync/applyEvents';
import type { EventOutput } from '../../tracker/api/schemas';
import { tempDir } from '../helpers/tempDir';
import { seedSentMailing } from '../integration/sync/seed';

const RECIPIENTS = 100_000;
const EVENTS = 1_000_000;
const SYNC_EVENTS = 100_000;
const PAGE = 5000;

/** A deterministic mix: mostly opens, a third clicks over ten links, some machine, a few unsubscribes. */
function event(i: number, mailingId: string, sentAt: number): EventOutput {
  const r = (i * 7919) % RECIPIENTS;
  const roll = i % 100;
  const kind = roll < 60 ? 'open' : roll < 95 ? 'click' : roll < 99 ? 'open' : 'unsubscribe';
  const machine = roll >= 95 && roll < 99;
  return {
    id: `ev-${mailingId}-${i}`,
    kind,
    mailing: mailingId,
    recipient: `${mailingId}-r${r}`,
    link: kind === 'click' ? (i % 10) + 1 : null,
    machine,
    machineReason: machine ? 'apple-privacy-proxy' : null,
    at: new Date(sentAt + ((i * 37) % (7 * 24 * 3600)) * 1000).toISOString(),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * stats.get on a mailing of 100,000 recipients with 1,000,000 events (target: median < 50 ms), and
 * syncing 100,000 new events through the real applier with its triggers (target: < 2 s). Baselines
 * in the same run: the same statistics computed straight from the events table, and plain inserts
 * of the same events into a copy of the events table (same key and indexes, no aggregates).
 */
export default async function statsBench(): Promise<Record<string, number>> {
  const dir = tempDir('winkelpost-bench-stats-');
  const { sqlite, close } = openDatabase(join(dir.path, 'bench.sqlite'));
  try {
    const sentAt = Date.UTC(2026, 9, 1, 9);
    seedSentMailing(sqlite, { mailingId: 'big', count: RECIPIENTS, sentAt });
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt));

    // 900,000 events as earlier syncs would have brought them.
    let loadStart = performance.now();
    for (let i = 0; i < EVENTS - SYNC_EVENTS; i += PAGE) {
      const page = Array.from({ length: PAGE }, (_, k) => event(i + k, 'big', sentAt));
      applier.apply(page, () => undefined);
    }
    const preloadMs = performance.now() - loadStart;

    // The measured sync: the last 100,000 events, page by page, as SyncService applies them.
    const pages: EventOutput[][] = [];
    for (let i = EVENTS - SYNC_EVENTS; i < EVENTS; i += PAGE) {
      pages.push(Array.from({ length: PAGE }, (_, k) => event(i + k, 'big', sentAt)));
    }
    loadStart = performance.now();
    let cpuStart = process.cpuUsage();
    for (const page of pages) applier.apply(page, () => undefined);
    const syncMs = performance.now() - loadStart;
    const syncCpu = process.cpuUsage(cpuStart);

    // Baseline: the same rows into a copy of events with the same key and indexes, no aggregates.
    // It starts with the same 900,000 rows, so both inserts work on indexes of the same size.
    sqlite.exec(`create table bench_events as select * from events where cast(substr(id, 8) as integer) < ${EVENTS - SYNC_EVENTS};
      create unique index bench_events_id on bench_events (id);
      create index bench_events_mailing_kind on bench_events (mailing_id, kind);
      create index bench_events_recipient on bench_events (recipient_id);`);
    const bare = sqlite.prepare(
      `insert or ignore into bench_events (id, mailing_id, recipient_id, kind, link_id, machine, at, detail)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    loadStart = performance.now();
    cpuStart = process.cpuUsage();
    for (const page of pages) {
      sqlite.transaction(() => {
        for (const e of page) {
          bare.run(
            e.id,
            e.mailing,
            e.recipient,
            e.kind,
            e.link,
            e.machine ? 1 : 0,
            Date.parse(e.at),
            '',
          );
        }
      })();
    }
    const bareInsertMs = performance.now() - loadStart;
    const bareCpu = process.cpuUsage(cpuStart);

    const queries = new StatsQueries(sqlite);
    const getTimes: number[] = [];
    for (let run = 0; run < 30; run += 1) {
      const start = performance.now();
      queries.get('big');
      getTimes.push(performance.now() - start);
    }

    // Baseline: the headline figures computed from the events themselves.
    const naive = sqlite.prepare(
      `select
         (select count(distinct recipient_id) from events where mailing_id = ? and kind in ('open', 'click') and machine = 0),
         (select count(*) from events where mailing_id = ? and kind = 'open' and machine = 0),
         (select count(distinct recipient_id) from events where mailing_id = ? and kind = 'click' and machine = 0),
         (select count(*) from events where mailing_id = ? and kind = 'unsubscribe')`,
    );
    const naiveTimes: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const start = performance.now();
      naive.get('big', 'big', 'big', 'big');
      naiveTimes.push(performance.now() - start);
    }
    const stats = queries.get('big');
    return {
      recipients: RECIPIENTS,
      events: sqlite.prepare('select count(*) from events').pluck().get() as number,
      openers: stats.openers,
      statsGetMedianMs: round(median(getTimes)),
      statsGetMaxMs: round(Math.max(...getTimes)),
      naiveFromEventsMedianMs: round(median(naiveTimes)),
      statsGetSpeedupOverNaive: round(median(naiveTimes) / median(getTimes)),
      sync100kEventsMs: Math.round(syncMs),
      // CPU time (user + system) is less sensitive to other processes on the machine than wall time.
      sync100kEventsCpuMs: Math.round((syncCpu.user + syncCpu.system) / 1000),
      plainEventInsert100kCpuMs: Math.round((bareCpu.user + bareCpu.system) / 1000),
      loadAverage1m: round(loadavg()[0]!),
      plainEventInsert100kMs: Math.round(bareInsertMs),
      syncCostOverPlainInsert: round(syncMs / bareInsertMs),
      preload900kMs: Math.round(preloadMs),
    };
  } finally {
    close();
    dir.remove();
  }
}
