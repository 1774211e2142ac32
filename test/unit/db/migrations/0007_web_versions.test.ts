import { describe, expect, it } from 'vitest';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { T0, addMailing } from './rows';

describe('migration 0007_web_versions', () => {
  const step = useMigrationStep('0007_web_versions');

  it('adds an empty web_versions table and keeps the mailings', () => {
    addMailing(step().sqlite, 'm', 'Kerstmenu');
    expect(schemaNames(step().sqlite, 'table')).not.toContain('web_versions');

    step().migrate();

    expect(step().sqlite.prepare("select subject from mailings where id = 'm'").pluck().get()).toBe(
      'Kerstmenu',
    );
    expect(step().sqlite.prepare('select count(*) from web_versions').pluck().get()).toBe(0);
  });

  it('records a requested upload with no attempts yet', () => {
    step().migrate();
    addMailing(step().sqlite, 'm');
    step()
      .sqlite.prepare("insert into web_versions (mailing_id, requested_at) values ('m', ?)")
      .run(T0);
    expect(step().sqlite.prepare('select * from web_versions').get()).toEqual({
      mailing_id: 'm',
      requested_at: T0,
      uploaded_at: null,
      attempts: 0,
      last_attempt_at: null,
      last_error: null,
    });
  });

  it('belongs to its mailing: refused for an unknown one, deleted with it', () => {
    step().migrate();
    const { sqlite } = step();
    addMailing(sqlite, 'm');
    const request = sqlite.prepare(
      'insert into web_versions (mailing_id, requested_at) values (?, ?)',
    );
    expect(() => request.run('unknown', T0)).toThrow(/FOREIGN KEY/);
    request.run('m', T0);
    sqlite.prepare("delete from mailings where id = 'm'").run();
    expect(sqlite.prepare('select count(*) from web_versions').pluck().get()).toBe(0);
  });
});
