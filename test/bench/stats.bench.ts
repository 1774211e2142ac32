import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { SuppressionStore } from '../../electron/services/suppression/suppressionStore';
import { StatsQueries } from '../../electron/services/stats/statsQueries';
import { EventApplier } from '../../electron/services/sync/applyEvents';
import type { EventOutput } from '../../tracker/api/schemas';
import { newEventId } from '../../tracker/eventId';
import { statsAggregatesOf } from '../../electron/services/stats/statsAggregateStore';
import { startTestApp } from '../helpers/testApp';
import { seedSentMailing } from '../integration/sync/seed';
import { GOALS, judge } from './report';
import { median } from './median';

const RECIPIENTS = 100_000;
const EVENTS = 1_000_000;
const SYNC_EVENTS = 100_000;
const PAGE = 5000;
const SYNC_TARGET_MS = 2000;
const LINKS = 10;
const GET_ROUNDS = 30;
/**
 * Event ids as the tracker makes them: time-ordered (UUID v7), one event every 0.6 s over the
 * week after sending. STATS_BENCH_IDS=v4 gives random v4 UUIDs instead, as trackers before
 * time-ordered ids sent them; STATS_BENCH_IDS=numbered gives the ids of earlier runs.
 */
const ID_MODE = process.env.STATS_BENCH_IDS ?? 'tracker';
if (!(ID_MODE in { tracker: 1, v4: 1, numbered: 1 }))
  throw new Error(`STATS_BENCH_IDS: tracker, v4 or numbered`);
const ID_MODES: Record<string, string> = {
  tracker: 'time-ordered UUID v7 (as the tracker makes them)',
  v4: 'random UUID v4 (as earlier trackers made them)',
  numbered: 'numbered (in key order)',
};

function eventId(i: number, mailingId: string, sentAt: number): string {
  if (ID_MODE === 'numbered') return `ev-${mailingId}-${i}`;
  if (ID_MODE === 'tracker') return newEventId(sentAt + i * 600);
  const h = createHash('md5').update(`${mailingId}-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** A deterministic mix: mostly opens, a third clicks over ten links, some machine, a few unsubscribes. */
function event(i: number, mailingId: string, sentAt: number): EventOutput {
  const r = (i * 7919) % RECIPIENTS;
  const roll = i % 100;
  const kind = roll < 60 ? 'open' : roll < 95 ? 'click' : roll < 99 ? 'open' : 'unsubscribe';
  const machine = roll >= 95 && roll < 99;
  return {
    id: eventId(i, mailingId, sentAt),
    kind,
    mailing: mailingId,
    recipient: `${mailingId}-r${r}`,
    link: kind === 'click' ? (i % 10) + 1 : null,
    machine,
    machineReason: machine ? 'apple-privacy-proxy' : null,
    at: new Date(sentAt + ((i * 37) % (7 * 24 * 3600)) * 1000).toISOString(),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Wall and CPU (user + system) time of fn; CPU time suffers less from a busy machine. */
function measure(fn: () => void): { wallMs: number; cpuMs: number } {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  fn();
  const cpu = process.cpuUsage(cpuStart);
  return {
    wallMs: Math.round(performance.now() - wallStart),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}

/**
 * The `stats.get` channel as the app answers it (input and output checked against the contract) on
 * a mailing of 100,000 recipients with 1,000,000 events (goal: median ≤ 20 ms), and syncing
 * 100,000 new events through the real applier with its triggers (target: < 2 s). Baselines in the
 * same run: the statistics query alone (measured interleaved with the channel), the same statistics
 * computed straight from the events table, and plain inserts of the same events (no aggregates)
 * into copies of the events table with the current indexes and with the indexes before migration
 * 0009. Prints CPU and wall time apart, with ratios to targets.
 */
export default async function statsBench(): Promise<Record<string, number | string>> {
  const t = await startTestApp();
  const sqlite = t.app.context.database.sqlite;
  try {
    const sentAt = Date.UTC(2026, 9, 1, 9);
    seedSentMailing(sqlite, { mailingId: 'big', count: RECIPIENTS, sentAt });
    // The link table the send path records, so the clicks' link ids have their URLs.
    statsAggregatesOf(sqlite).recordMailingLinks(
      'big',
      Array.from({ length: LINKS }, (_, i) => ({ id: i + 1, url: `https://bakkerij.nl/${i + 1}` })),
    );
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt));

    // 900,000 events as earlier syncs would have brought them.
    const loadStart = performance.now();
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
    const preloadedRowid = sqlite.prepare('select max(rowid) from events').pluck().get() as number;
    const sync = measure(() => {
      for (const page of pages) applier.apply(page, () => undefined);
    });
    const eventsAfterSync = sqlite.prepare('select count(*) from events').pluck().get() as number;
    // The same pages again (a sync that fetched them twice): nothing may change.
    const repeat = measure(() => {
      for (const page of pages) {
        if (applier.apply(page, () => undefined).inserted !== 0) throw new Error('repeat added');
      }
    });

    // Baselines: the same rows as plain inserts (no aggregates) into copies of events holding the
    // same 900,000 rows, once with the current indexes and once with the indexes before the
    // recipient index was dropped.
    const plainInsert = (table: string, indexes: string[]) => {
      sqlite.exec(`create table ${table} as select * from events where rowid <= ${preloadedRowid};
        create unique index ${table}_id on ${table} (id);
        ${indexes.map((columns, n) => `create index ${table}_${n} on ${table} (${columns});`).join('\n')}`);
      const insert = sqlite.prepare(
        `insert or ignore into ${table} (id, mailing_id, recipient_id, kind, link_id, machine, at, detail)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      return measure(() => {
        for (const page of pages) {
          sqlite.transaction(() => {
            for (const e of page) {
              insert.run(
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
      });
    };
    const plainNow = plainInsert('bench_events_now', ['mailing_id, kind']);
    const plainBefore = plainInsert('bench_events_before', ['mailing_id, kind', 'recipient_id']);

    const queries = new StatsQueries(sqlite);
    const channel = () => t.call('stats.get', { mailingId: 'big' });
    const firstChannelStart = performance.now();
    await channel();
    const firstChannelMs = performance.now() - firstChannelStart;
    const getTimes: number[] = [];
    const queryTimes: number[] = [];
    for (let run = 0; run < GET_ROUNDS; run += 1) {
      let start = performance.now();
      await channel();
      getTimes.push(performance.now() - start);
      start = performance.now();
      queries.get('big');
      queryTimes.push(performance.now() - start);
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
    const getP50 = median(getTimes);
    const queryP50 = median(queryTimes);
    const goal = GOALS.statsGetMs;
    judge('stats.get channel, median', getP50, goal, `query alone ${round(queryP50)} ms`);
    return {
      eventIds: ID_MODES[ID_MODE] ?? ID_MODE,
      recipients: RECIPIENTS,
      events: eventsAfterSync,
      openers: stats.openers,
      statsGetChannelP50Ms: round(getP50),
      statsGetChannelMaxMs: round(Math.max(...getTimes)),
      statsGetChannelFirstCallMs: round(firstChannelMs),
      statsGetGoalMs: goal.atMost,
      statsGetP50OverGoal: Math.round((getP50 / goal.atMost) * 10_000) / 10_000,
      statsQueryAloneP50Ms: round(queryP50),
      channelOverQueryAlone: round(getP50 / queryP50),
      naiveFromEventsMedianMs: round(median(naiveTimes)),
      statsGetSpeedupOverNaive: round(median(naiveTimes) / getP50),
      sync100kEventsCpuMs: sync.cpuMs,
      sync100kEventsWallMs: sync.wallMs,
      syncTargetMs: SYNC_TARGET_MS,
      syncCpuOverTarget: round(sync.cpuMs / SYNC_TARGET_MS),
      syncWallOverTarget: round(sync.wallMs / SYNC_TARGET_MS),
      repeatedSync100kCpuMs: repeat.cpuMs,
      plainInsertNowIndexesCpuMs: plainNow.cpuMs,
      plainInsertNowIndexesWallMs: plainNow.wallMs,
      syncCpuOverPlainInsertNow: round(sync.cpuMs / plainNow.cpuMs),
      plainInsertBeforeIndexesCpuMs: plainBefore.cpuMs,
      plainInsertBeforeIndexesWallMs: plainBefore.wallMs,
      syncCpuOverPlainInsertBefore: round(sync.cpuMs / plainBefore.cpuMs),
      loadAverage1m: round(loadavg()[0]!),
      preload900kMs: Math.round(preloadMs),
    };
  } finally {
    await t.close();
  }
}
