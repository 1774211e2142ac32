import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/openDatabase';
import { anonymiseExpiredDetails } from '../../../electron/services/stats/retention';
import { SuppressionStore } from '../../../electron/services/suppression/suppressionStore';
import { EventApplier } from '../../../electron/services/sync/applyEvents';
import type { EventOutput } from '../../../tracker/api/schemas';
import { StatsDetails } from '../../../electron/services/stats/statsDetails';
import { StatsQueries } from '../../../electron/services/stats/statsQueries';
import { StatsAggregateStore } from '../../../electron/services/stats/statsAggregateStore';
import { tempDir } from '../../helpers/tempDir';
import { seedSentMailing } from '../../integration/sync/seed';

const KINDS = ['open', 'click', 'unsubscribe', 'bounce_hard', 'bounce_soft', 'complaint'] as const;

/** mulberry32: a small deterministic pseudo-random sequence (same events every run). */
function seeded(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('statistics aggregates kept by the statistics store', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'app.sqlite'));
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('match figures computed straight from the events, whatever the order, repeats included', () => {
    const { sqlite } = database;
    const sentAt = Date.UTC(2026, 10, 2, 9);
    seedSentMailing(sqlite, { mailingId: 'm', count: 40, sentAt });
    // Opens, clicks and unsubscribes arrive through the sync (in pages); bounces and complaints are
    // stored through the statistics store, as the bounce mailbox stores them.
    const bounceMailbox = new StatsAggregateStore(sqlite);
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt));
    const random = seeded(7);
    let page: EventOutput[] = [];
    for (let i = 0; i < 3000; i += 1) {
      const kind = KINDS[random(10) < 5 ? 0 : random(10) < 8 ? 1 : 2 + random(4)]!;
      const id = `e${random(2500)}`; // about one in six ids repeats: must be ignored
      const recipient = random(20) === 0 ? null : `m-r${random(40)}`;
      const machine = random(3) === 0;
      const at = sentAt + random(10 * 24) * 3_600_000;
      if (kind === 'open' || kind === 'click' || kind === 'unsubscribe') {
        page.push({
          id,
          kind,
          mailing: 'm',
          recipient,
          link: kind === 'click' ? 1 + random(3) : null,
          machine,
          machineReason: machine ? 'link-scanner' : null,
          at: new Date(at).toISOString(),
        });
        if (page.length === 200) {
          applier.apply(page, () => undefined);
          page = [];
        }
      } else {
        bounceMailbox.addOutcomeEvent({
          id,
          mailingId: 'm',
          recipientId: recipient,
          kind,
          at,
          detail: kind.startsWith('bounce') ? `reason ${random(5)}` : '',
        });
      }
    }
    applier.apply(page, () => undefined);
    const one = <T>(sql: string) => sqlite.prepare(sql).pluck().get() as T;
    const people = (where: string) =>
      one<number>(`select count(*) from (select recipient_id from events where recipient_id is not null
        group by recipient_id having ${where})`);
    const human = "sum(kind in ('open','click') and machine = 0) > 0";
    const machine = "sum(kind in ('open','click') and machine = 1) > 0";
    const stats = new StatsQueries(sqlite).get('m');
    expect(stats).toMatchObject({
      opens: one(`select count(*) from events where kind = 'open' and machine = 0`),
      machineOpens: one(`select count(*) from events where kind = 'open' and machine = 1`),
      clicks: one(`select count(*) from events where kind = 'click' and machine = 0`),
      machineClicks: one(`select count(*) from events where kind = 'click' and machine = 1`),
      openers: people(human),
      machineOpeners: people(`${machine} and not ${human}`),
      clickers: people(`sum(kind = 'click' and machine = 0) > 0`),
      machineClickers: people(
        `sum(kind = 'click' and machine = 1) > 0 and sum(kind = 'click' and machine = 0) = 0`,
      ),
      unsubscribes: people(`sum(kind = 'unsubscribe') > 0`),
      complaints: people(`sum(kind = 'complaint') > 0`),
    });
    expect(stats.openers).toBeGreaterThan(10);
    for (const link of stats.links) {
      expect(link.clicks).toBe(
        one(
          `select count(*) from events where kind = 'click' and machine = 0 and link_id = ${link.linkId}`,
        ),
      );
      expect(link.clickers).toBe(
        one(`select count(distinct recipient_id) from events where kind = 'click' and machine = 0
             and link_id = ${link.linkId}`),
      );
    }
    const firstWeek = stats.timeline.reduce((sum, p) => sum + p.opens, 0);
    expect(firstWeek).toBe(
      one(
        `select count(*) from events where kind = 'open' and machine = 0 and at < ${sentAt + 7 * 24 * 3_600_000}`,
      ),
    );
    const hardPeople = people(`sum(kind = 'bounce_hard') > 0`);
    expect(stats.delivery.hardBounces).toBe(hardPeople);
    expect(stats.delivery.softBounces).toBe(
      people(`sum(kind = 'bounce_soft') > 0 and sum(kind = 'bounce_hard') = 0`),
    );
    expect(stats.delivery.delivered).toBe(
      40 - stats.delivery.hardBounces - stats.delivery.softBounces,
    );
  });

  it('counts a person once: a machine open then a real one moves them from machine to opened', () => {
    const { sqlite } = database;
    seedSentMailing(sqlite, { mailingId: 'm', count: 2, sentAt: 0 });
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => 0));
    const event = (
      id: string,
      kind: 'open' | 'click',
      machine: boolean,
      at: number,
    ): EventOutput => ({
      id,
      kind,
      mailing: 'm',
      recipient: 'm-r0',
      link: kind === 'click' ? 1 : null,
      machine,
      machineReason: machine ? 'apple-privacy-proxy' : null,
      at: new Date(at).toISOString(),
    });
    applier.apply([event('a', 'open', true, 1000)], () => undefined);
    let stats = new StatsQueries(sqlite).get('m');
    expect([stats.openers, stats.machineOpeners]).toEqual([0, 1]);
    applier.apply([event('b', 'click', false, 2000)], () => undefined);
    stats = new StatsQueries(sqlite).get('m');
    expect([stats.openers, stats.machineOpeners, stats.clickers]).toEqual([1, 0, 1]);
  });

  it('keeps mailings apart when one page holds events of several, and a repeated page adds nothing', () => {
    const { sqlite } = database;
    const sentAt = Date.UTC(2026, 10, 2, 9);
    for (const mailingId of ['a', 'b']) seedSentMailing(sqlite, { mailingId, count: 30, sentAt });
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt));
    const random = seeded(11);
    const page: EventOutput[] = [];
    for (let i = 0; i < 600; i += 1) {
      const mailing = random(3) === 0 ? 'b' : 'a';
      const kind = random(2) === 0 ? 'open' : 'click';
      const machine = random(4) === 0;
      page.push({
        id: `e${i}`,
        kind,
        mailing,
        // The same recipient number in both mailings: rows must not mix.
        recipient: `${mailing}-r${random(30)}`,
        link: kind === 'click' ? 1 + random(3) : null,
        machine,
        machineReason: machine ? 'apple-privacy-proxy' : null,
        at: new Date(sentAt + random(48) * 3_600_000).toISOString(),
      });
    }
    applier.apply(page, () => undefined);
    const repeated = applier.apply(page, () => undefined);
    expect(repeated.inserted).toBe(0);

    const one = (sql: string, mailing: string) =>
      sqlite.prepare(sql).pluck().get(mailing) as number;
    for (const mailing of ['a', 'b']) {
      const stats = new StatsQueries(sqlite).get(mailing);
      expect(stats).toMatchObject({
        opens: one(
          `select count(*) from events where mailing_id = ? and kind = 'open' and machine = 0`,
          mailing,
        ),
        machineOpens: one(
          `select count(*) from events where mailing_id = ? and kind = 'open' and machine = 1`,
          mailing,
        ),
        clicks: one(
          `select count(*) from events where mailing_id = ? and kind = 'click' and machine = 0`,
          mailing,
        ),
        openers: one(
          `select count(distinct recipient_id) from events where mailing_id = ? and machine = 0`,
          mailing,
        ),
        clickers: one(
          `select count(distinct recipient_id) from events where mailing_id = ? and kind = 'click' and machine = 0`,
          mailing,
        ),
      });
      expect(stats.opens).toBeGreaterThan(10);
      for (const link of stats.links) {
        expect(link.clicks).toBe(
          one(
            `select count(*) from events where mailing_id = ? and kind = 'click' and machine = 0
               and link_id = ${link.linkId}`,
            mailing,
          ),
        );
      }
      expect(stats.timeline.reduce((sum, p) => sum + p.opens + p.clicks, 0)).toBe(
        one(`select count(*) from events where mailing_id = ? and machine = 0`, mailing),
      );
    }
  });

  it('details show the earliest open and click when later pages bring earlier events', () => {
    const { sqlite } = database;
    const sentAt = Date.UTC(2026, 10, 2, 9);
    seedSentMailing(sqlite, { mailingId: 'm', count: 20, sentAt });
    const applier = new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt));
    const random = seeded(5);
    let n = 0;
    // Ten pages of opens and clicks at random times: each page has later and earlier ones.
    for (let p = 0; p < 10; p += 1) {
      const page: EventOutput[] = [];
      for (let i = 0; i < 30; i += 1) {
        const kind = random(2) === 0 ? 'open' : 'click';
        page.push({
          id: `e${(n += 1)}`,
          kind,
          mailing: 'm',
          recipient: `m-r${random(20)}`,
          link: kind === 'click' ? 1 + random(2) : null,
          machine: false,
          machineReason: null,
          at: new Date(sentAt + random(100_000) * 1000).toISOString(),
        });
      }
      applier.apply(page, () => undefined);
    }
    const details = new StatsDetails(sqlite);
    const firstTimes = (sql: string, ...params: unknown[]) =>
      (
        sqlite
          .prepare(sql)
          .raw()
          .all(...params) as [string, number][]
      ).map(([recipient, at]) => `${recipient} ${at}`);
    const shown = (rows: { email: string; at: number | null }[]) =>
      rows.map((row) => `m-r${row.email.replace(/^klant(\d+)@.*$/, '$1')} ${row.at}`);
    const query = { mailingId: 'm', includeMachine: false, offset: 0, limit: 100 };
    expect(shown(details.page({ ...query, list: 'opened' }).rows)).toEqual(
      firstTimes(`select recipient_id, min(at) as first from events group by recipient_id
                  order by first, recipient_id`),
    );
    for (const linkId of [1, 2]) {
      const clicked = details.page({ ...query, list: 'clicked', linkId }).rows;
      expect(clicked.length).toBeGreaterThan(3);
      expect(shown(clicked)).toEqual(
        firstTimes(
          `select recipient_id, min(at) as first from events where kind = 'click' and link_id = ?
           group by recipient_id order by first, recipient_id`,
          linkId,
        ),
      );
    }
  });

  it('keeps the totals but removes who-did-what three months after sending', () => {
    const { sqlite } = database;
    const sentAt = Date.UTC(2026, 0, 10);
    seedSentMailing(sqlite, { mailingId: 'm', count: 3, sentAt });
    new EventApplier(sqlite, new SuppressionStore(sqlite, () => sentAt)).apply(
      [
        {
          id: 'e',
          kind: 'open',
          mailing: 'm',
          recipient: 'm-r1',
          link: null,
          machine: false,
          machineReason: null,
          at: new Date(sentAt + 1000).toISOString(),
        },
      ],
      () => undefined,
    );
    expect(anonymiseExpiredDetails(sqlite, sentAt + 80 * 86_400_000)).toBe(0);
    expect(anonymiseExpiredDetails(sqlite, sentAt + 92 * 86_400_000)).toBe(1);
    const stats = new StatsQueries(sqlite).get('m');
    expect(stats).toMatchObject({ openers: 1, opens: 1, anonymised: true });
    expect(sqlite.prepare('select count(*) from stats_recipients').pluck().get()).toBe(0);
    expect(sqlite.prepare('select recipient_id from events').pluck().get()).toBeNull();
    expect(anonymiseExpiredDetails(sqlite, sentAt + 93 * 86_400_000)).toBe(0);
  });
});
