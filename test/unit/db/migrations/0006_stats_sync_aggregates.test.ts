import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import {
  MORNING_TOTALS,
  addEvents,
  addMailing,
  at,
  mailingStats,
  morningEvents,
  rowsOf,
} from './rows';

const AGGREGATES = ['stats_timeline', 'stats_links', 'stats_recipients', 'stats_link_recipients'];

/** The sync's upsert of one recipient's page totals (electron/services/sync/pageAggregates.ts). */
function upsertRecipient(
  sqlite: Database.Database,
  mailingId: string,
  recipientId: string,
  counts: { opens: number; machineOpens: number; clicks: number },
  time: number,
): void {
  sqlite
    .prepare(
      `insert into stats_recipients (mailing_id, recipient_id, opens, machine_opens, clicks, machine_clicks, opened_at)
       values (?, ?, ?, ?, ?, 0, ?) on conflict (mailing_id, recipient_id) do update set
         opens = opens + excluded.opens, machine_opens = machine_opens + excluded.machine_opens,
         clicks = clicks + excluded.clicks`,
    )
    .run(mailingId, recipientId, counts.opens, counts.machineOpens, counts.clicks, time);
}

describe('migration 0006_stats_sync_aggregates', () => {
  const step = useMigrationStep('0006_stats_sync_aggregates');

  it('keeps every aggregate counted so far, unchanged', () => {
    addMailing(step().sqlite, 'm');
    addEvents(step().sqlite, morningEvents('m'));
    const before = AGGREGATES.map((table) => rowsOf(step().sqlite, table, 'm'));

    step().migrate();

    expect(mailingStats(step().sqlite, 'm')).toEqual({ mailing_id: 'm', ...MORNING_TOTALS });
    expect(AGGREGATES.map((table) => rowsOf(step().sqlite, table, 'm'))).toEqual(before);
  });

  it('drops only the open and click triggers', () => {
    const before = schemaNames(step().sqlite, 'trigger');
    step().migrate();
    expect(schemaNames(step().sqlite, 'trigger')).toEqual(
      before.filter((name) => name !== 'stats_events_open' && name !== 'stats_events_click'),
    );
  });

  it('leaves opens and clicks in events to the sync, and still counts bounces, complaints and unsubscribes', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    addEvents(
      step().sqlite,
      morningEvents('m').filter((event) => event.kind === 'open' || event.kind === 'click'),
    );
    expect(mailingStats(step().sqlite, 'm')).toBeUndefined();
    expect(rowsOf(step().sqlite, 'stats_recipients', 'm')).toEqual([]);

    addEvents(
      step().sqlite,
      morningEvents('m').filter((event) => event.kind !== 'open' && event.kind !== 'click'),
    );
    expect(mailingStats(step().sqlite, 'm')).toMatchObject({
      opens: 0,
      openers: 0,
      unsubscribes: 1,
      complaints: 1,
      bounces_hard: 2,
      bounces_soft: 0,
    });
  });

  it('still moves the people counts when the sync writes a recipient', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    const { sqlite } = step();
    sqlite.prepare("insert into stats_mailings (mailing_id, machine_opens) values ('m', 1)").run();

    upsertRecipient(sqlite, 'm', 'r-anna', { opens: 0, machineOpens: 1, clicks: 0 }, at(0, 1));
    expect(mailingStats(sqlite, 'm')).toMatchObject({ openers: 0, machine_openers: 1 });

    // Her own open on a later page makes her a person who opened, no longer a machine.
    upsertRecipient(sqlite, 'm', 'r-anna', { opens: 1, machineOpens: 0, clicks: 0 }, at(0, 30));
    expect(mailingStats(sqlite, 'm')).toMatchObject({
      openers: 1,
      machine_openers: 0,
      clickers: 0,
    });

    upsertRecipient(sqlite, 'm', 'r-anna', { opens: 0, machineOpens: 0, clicks: 1 }, at(2, 11));
    expect(mailingStats(sqlite, 'm')).toMatchObject({ openers: 1, clickers: 1 });
  });
});
