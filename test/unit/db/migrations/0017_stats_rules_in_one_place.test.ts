import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../../../db/openDatabase';
import { StatsAggregateStore } from '../../../../electron/services/stats/statsAggregateStore';
import { SuppressionStore } from '../../../../electron/services/suppression/suppressionStore';
import { EventApplier } from '../../../../electron/services/sync/applyEvents';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import {
  MORNING_TOTALS,
  T0,
  addEvents,
  addJob,
  addMailing,
  addSend,
  at,
  mailingStats,
  morningEvents,
  type EventRow,
  aggregatesOf,
} from './rows';

/**
 * The open and click triggers of 0005 (dropped by 0006 for the sync's page sums), put back at
 * N−1 so the database holds the complete trigger rules to compare the TypeScript rules with.
 */
function restoreOpenAndClickTriggers(sqlite: Database.Database): void {
  const statements = readFileSync(
    join(MIGRATIONS_FOLDER, '0005_stats_fast_triggers.sql'),
    'utf8',
  ).split('--> statement-breakpoint');
  for (const statement of statements) {
    if (/CREATE TRIGGER `stats_events_(open|click)`/.test(statement)) sqlite.exec(statement);
  }
}

const dropOpenAndClickTriggers = (sqlite: Database.Database) =>
  sqlite.exec('drop trigger stats_events_open; drop trigger stats_events_click;');

/** Events as the app stores them from now on: opens, clicks and unsubscribes by the sync, in one
 *  page; bounces and complaints by the bounce mailbox. */
function storeAsTheAppDoes(sqlite: Database.Database, events: EventRow[]): void {
  const fromTracker = events.filter(
    (e) => e.kind === 'open' || e.kind === 'click' || e.kind === 'unsubscribe',
  );
  new EventApplier(sqlite, new SuppressionStore(sqlite, () => T0)).apply(
    fromTracker.map((e) => ({
      id: e.id,
      kind: e.kind as 'open' | 'click' | 'unsubscribe',
      mailing: e.mailingId,
      recipient: e.recipientId,
      link: e.linkId ?? null,
      machine: e.machine ?? false,
      machineReason: null,
      at: new Date(e.at).toISOString(),
    })),
    () => undefined,
  );
  const store = new StatsAggregateStore(sqlite);
  for (const e of events) {
    if (fromTracker.includes(e)) continue;
    store.addOutcomeEvent({ ...e, detail: e.detail ?? '' });
  }
}

describe('migration 0017_stats_rules_in_one_place', () => {
  const step = useMigrationStep('0017_stats_rules_in_one_place');
  beforeEach(() => {
    addMailing(step().sqlite, 'm-before');
    addMailing(step().sqlite, 'm-after');
  });

  it('drops the rule triggers and keeps only the job counters per send and state', () => {
    expect(schemaNames(step().sqlite, 'trigger')).toEqual([
      'stats_events_other',
      'stats_link_recipients_flags',
      'stats_link_recipients_insert',
      'stats_recipients_flags',
      'stats_recipients_insert',
      'stats_send_jobs_delete',
      'stats_send_jobs_insert',
      'stats_send_jobs_state',
    ]);
    step().migrate();
    expect(schemaNames(step().sqlite, 'trigger')).toEqual([
      'stats_send_jobs_delete',
      'stats_send_jobs_insert',
      'stats_send_jobs_state',
    ]);
  });

  it('leaves every aggregate and job count as it was', () => {
    restoreOpenAndClickTriggers(step().sqlite);
    addEvents(step().sqlite, morningEvents('m-before'));
    dropOpenAndClickTriggers(step().sqlite);
    addSend(step().sqlite, 's1', 'm-before');
    addJob(step().sqlite, {
      sendId: 's1',
      mailingId: 'm-before',
      email: 'anna@bakkerij.nl',
      state: 'sent',
    });
    const before = aggregatesOf(step().sqlite, 'm-before');
    const states = step().sqlite.prepare('select * from stats_send_states').all();

    step().migrate();

    expect(aggregatesOf(step().sqlite, 'm-before')).toEqual(before);
    expect(step().sqlite.prepare('select * from stats_send_states').all()).toEqual(states);
    expect(mailingStats(step().sqlite, 'm-before')).toEqual({
      mailing_id: 'm-before',
      ...MORNING_TOTALS,
    });
  });

  it('counts a morning through the statistics store exactly as the triggers did', () => {
    restoreOpenAndClickTriggers(step().sqlite);
    addEvents(step().sqlite, morningEvents('m-before'));
    dropOpenAndClickTriggers(step().sqlite);

    step().migrate();
    storeAsTheAppDoes(step().sqlite, morningEvents('m-after'));

    expect(aggregatesOf(step().sqlite, 'm-after')).toEqual(aggregatesOf(step().sqlite, 'm-before'));
  });

  it('goes on from the rows the triggers wrote: people move between counts once', () => {
    restoreOpenAndClickTriggers(step().sqlite);
    addEvents(step().sqlite, morningEvents('m-before'));
    dropOpenAndClickTriggers(step().sqlite);

    step().migrate();
    const later = (id: string, rest: Omit<EventRow, 'id' | 'mailingId'>): EventRow => ({
      id: `m-before-later-${id}`,
      mailingId: 'm-before',
      ...rest,
    });
    storeAsTheAppDoes(step().sqlite, [
      // Bart clicked with images blocked (an opener already): opens now, no new opener.
      later('1', { recipientId: 'r-bart', kind: 'open', at: at(5) }),
      // Cees had only machines: a person's click makes him an opener and a clicker.
      later('2', { recipientId: 'r-cees', kind: 'click', at: at(5), linkId: 1 }),
      // Anna unsubscribes; Fien complains a second time (counted once).
      later('3', { recipientId: 'r-anna', kind: 'unsubscribe', at: at(6) }),
      later('4', { recipientId: 'r-fien', kind: 'complaint', at: at(6) }),
      // Gijs is new: a soft bounce.
      later('5', { recipientId: 'r-gijs', kind: 'bounce_soft', at: at(7), detail: '452 full' }),
    ]);

    expect(mailingStats(step().sqlite, 'm-before')).toEqual({
      mailing_id: 'm-before',
      ...MORNING_TOTALS,
      opens: MORNING_TOTALS.opens + 1,
      clicks: MORNING_TOTALS.clicks + 1,
      openers: MORNING_TOTALS.openers + 1,
      machine_openers: MORNING_TOTALS.machine_openers - 1,
      clickers: MORNING_TOTALS.clickers + 1,
      machine_clickers: MORNING_TOTALS.machine_clickers - 1,
      unsubscribes: MORNING_TOTALS.unsubscribes + 1,
      bounces_soft: MORNING_TOTALS.bounces_soft + 1,
    });
    const link1 = step()
      .sqlite.prepare(
        "select clicks, clickers, machine_clickers from stats_links where mailing_id = 'm-before' and link_id = 1",
      )
      .get();
    expect(link1).toEqual({ clicks: 3, clickers: 2, machine_clickers: 0 });
  });
});
