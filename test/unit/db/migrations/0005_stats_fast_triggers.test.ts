import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { useMigrationStep, schemaNames } from '../../../helpers/migrationStep';
import {
  MORNING_TOTALS,
  addEvents,
  addJob,
  addMailing,
  addSend,
  mailingStats,
  morningEvents,
  aggregatesOf,
} from './rows';

function sendStates(sqlite: Database.Database): unknown[] {
  return sqlite
    .prepare('select send_id, state, count from stats_send_states where count <> 0 order by 1, 2')
    .all();
}

describe('migration 0005_stats_fast_triggers', () => {
  const step = useMigrationStep('0005_stats_fast_triggers');
  beforeEach(() => {
    addMailing(step().sqlite, 'm-before');
    addMailing(step().sqlite, 'm-after');
  });

  it('counts a morning exactly as the triggers of 0003 did, and leaves their totals alone', () => {
    addEvents(step().sqlite, morningEvents('m-before'));
    const before = aggregatesOf(step().sqlite, 'm-before');

    step().migrate();
    addEvents(step().sqlite, morningEvents('m-after'));

    expect(aggregatesOf(step().sqlite, 'm-before')).toEqual(before);
    expect(aggregatesOf(step().sqlite, 'm-after')).toEqual(before);
    expect(mailingStats(step().sqlite, 'm-after')).toEqual({
      mailing_id: 'm-after',
      ...MORNING_TOTALS,
    });
  });

  it('replaces the one big trigger by one per kind of event', () => {
    step().migrate();
    expect(schemaNames(step().sqlite, 'trigger')).toEqual([
      'stats_events_click',
      'stats_events_open',
      'stats_events_other',
      'stats_link_recipients_flags',
      'stats_link_recipients_insert',
      'stats_recipients_flags',
      'stats_recipients_insert',
      'stats_send_jobs_delete',
      'stats_send_jobs_insert',
      'stats_send_jobs_state',
    ]);
  });

  it('makes the details indexes partial and drops the unused machine index', () => {
    step().migrate();
    const indexes = schemaNames(step().sqlite, 'index').filter((name) => name.startsWith('stats_'));
    expect(indexes).toEqual([
      'stats_link_recipients_first_at_idx',
      'stats_recipients_bounce_at_idx',
      'stats_recipients_opened_at_idx',
      'stats_recipients_unsubscribed_at_idx',
    ]);
    const definition = step()
      .sqlite.prepare("select sql from sqlite_master where name = 'stats_recipients_opened_at_idx'")
      .pluck()
      .get();
    expect(definition).toMatch(/WHERE opened_at is not null/);
  });

  it('counts the jobs already queued per send and state, then follows every change', () => {
    addSend(step().sqlite, 's1', 'm-before');
    addSend(step().sqlite, 's2', 'm-after');
    addJob(step().sqlite, {
      sendId: 's1',
      mailingId: 'm-before',
      email: 'anna@bakkerij.nl',
      state: 'sent',
    });
    addJob(step().sqlite, {
      sendId: 's1',
      mailingId: 'm-before',
      email: 'Bart@Bakkerij.nl',
      state: 'sent',
    });
    const failing = addJob(step().sqlite, {
      sendId: 's1',
      mailingId: 'm-before',
      email: 'cees@bakkerij.nl',
      state: 'failed',
    });
    const queued = addJob(step().sqlite, {
      sendId: 's2',
      mailingId: 'm-after',
      email: 'anna@bakkerij.nl',
      state: 'queued',
    });

    step().migrate();
    expect(sendStates(step().sqlite)).toEqual([
      { send_id: 's1', state: 'failed', count: 1 },
      { send_id: 's1', state: 'sent', count: 2 },
      { send_id: 's2', state: 'queued', count: 1 },
    ]);

    const setState = step().sqlite.prepare('update send_jobs set state = ? where id = ?');
    setState.run('sending', queued);
    setState.run('sent', queued);
    setState.run('failed', failing); // no change: counts stay
    addJob(step().sqlite, {
      sendId: 's2',
      mailingId: 'm-after',
      email: 'dirk@bakkerij.nl',
      state: 'queued',
    });
    step().sqlite.prepare('delete from send_jobs where id = ?').run(failing);

    expect(sendStates(step().sqlite)).toEqual([
      { send_id: 's1', state: 'sent', count: 2 },
      { send_id: 's2', state: 'queued', count: 1 },
      { send_id: 's2', state: 'sent', count: 1 },
    ]);
  });
});
