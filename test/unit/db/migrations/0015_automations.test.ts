import { describe, expect, it } from 'vitest';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { T0, addMailing } from './rows';

describe('migration 0015_automations', () => {
  const step = useMigrationStep('0015_automations');

  it('adds the automation tables and keeps the mailings', () => {
    addMailing(step().sqlite, 'm', 'Waardebon');
    expect(schemaNames(step().sqlite, 'table')).not.toContain('automations');
    step().migrate();
    expect(schemaNames(step().sqlite, 'table')).toEqual(
      expect.arrayContaining(['automations', 'automation_runs', 'automation_keys']),
    );
    expect(step().sqlite.prepare("select subject from mailings where id = 'm'").pluck().get()).toBe(
      'Waardebon',
    );
  });

  it('holds one run per source and one key per e-mail and item; both go with their automation', () => {
    step().migrate();
    const { sqlite } = step();
    sqlite
      .prepare(
        `insert into automations (id, kind, name, mailing_id, settings, status, created_at, updated_at)
         values ('a', 'tillVoucher', 'Kassa', 'm', '{}', 'active', ?, ?)`,
      )
      .run(T0, T0);
    const run = sqlite.prepare(
      `insert into automation_runs (id, automation_id, source_key, state, created_at, updated_at)
       values (?, 'a', ?, 'importing', ?, ?)`,
    );
    run.run('r1', 'hash-1', T0, T0);
    expect(() => run.run('r2', 'hash-1', T0, T0)).toThrow(/UNIQUE/);
    const key = sqlite.prepare(
      `insert into automation_keys (automation_id, normalized_email, item, run_id, created_at)
       values ('a', ?, ?, ?, ?)`,
    );
    key.run('klant@example.nl', 'B1', 'r1', T0);
    expect(() => key.run('klant@example.nl', 'B1', 'r2', T0)).toThrow(/UNIQUE/);
    key.run('klant@example.nl', 'B2', 'r2', T0);
    sqlite.prepare("delete from automations where id = 'a'").run();
    expect(sqlite.prepare('select count(*) from automation_runs').pluck().get()).toBe(0);
    expect(sqlite.prepare('select count(*) from automation_keys').pluck().get()).toBe(0);
  });
});
