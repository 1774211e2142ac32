import { describe, expect, it } from 'vitest';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { T0, addMailing, addSend } from './rows';

describe('migration 0016_follow_ups', () => {
  const step = useMigrationStep('0016_follow_ups');

  const insertFollowUp = (
    original: string,
    followUpMailing: string | null,
    sendId: string | null,
  ) =>
    step()
      .sqlite.prepare(
        `insert into follow_ups (original_mailing_id, days, subject, due_at, state,
           estimated_recipients, estimated_credits, follow_up_mailing_id, send_id, created_at, updated_at)
         values (?, 3, 'Nog even herinneren', ?, 'planned', 40, 40, ?, ?, ?, ?)`,
      )
      .run(original, T0, followUpMailing, sendId, T0, T0);

  it('adds the follow-up table and keeps the mailings and sends', () => {
    addMailing(step().sqlite, 'm', 'Voorjaarsactie');
    addSend(step().sqlite, 's', 'm');
    expect(schemaNames(step().sqlite, 'table')).not.toContain('follow_ups');
    step().migrate();
    expect(schemaNames(step().sqlite, 'table')).toContain('follow_ups');
    expect(schemaNames(step().sqlite, 'index')).toEqual(
      expect.arrayContaining(['follow_ups_state_due_idx', 'follow_ups_follow_up_mailing_idx']),
    );
    expect(step().sqlite.prepare("select subject from mailings where id = 'm'").pluck().get()).toBe(
      'Voorjaarsactie',
    );
    expect(step().sqlite.prepare("select state from sends where id = 's'").pluck().get()).toBe(
      'running',
    );
  });

  it('holds one follow-up per mailing, starts it empty and goes with its original mailing', () => {
    step().migrate();
    const { sqlite } = step();
    sqlite.pragma('foreign_keys = on');
    addMailing(sqlite, 'm', 'Voorjaarsactie');
    addMailing(sqlite, 'f', 'Nog even herinneren');
    insertFollowUp('m', 'f', null);
    expect(() => insertFollowUp('m', null, null)).toThrow(/UNIQUE|PRIMARY/);
    expect(
      sqlite
        .prepare("select confirmed from follow_ups where original_mailing_id = 'm'")
        .pluck()
        .get(),
    ).toBe('[]');
    sqlite.prepare("delete from mailings where id = 'm'").run();
    expect(sqlite.prepare('select count(*) from follow_ups').pluck().get()).toBe(0);
  });

  it('keeps the follow-up but forgets its mailing when that mailing is deleted', () => {
    step().migrate();
    const { sqlite } = step();
    sqlite.pragma('foreign_keys = on');
    addMailing(sqlite, 'm');
    addMailing(sqlite, 'f');
    addMailing(sqlite, 'g');
    insertFollowUp('m', 'f', null);
    expect(() => insertFollowUp('g', 'f', null)).toThrow(/UNIQUE/);
    sqlite.prepare("delete from mailings where id = 'f'").run();
    expect(
      sqlite
        .prepare("select follow_up_mailing_id from follow_ups where original_mailing_id = 'm'")
        .pluck()
        .get(),
    ).toBeNull();
  });
});
