import { describe, expect, it } from 'vitest';
import { schemaNames, useMigrationStep } from '../../../helpers/migrationStep';
import { T0, addMailing } from './rows';

describe('migration 0014_library', () => {
  const step = useMigrationStep('0014_library');

  it('adds empty library tables and keeps the mailings', () => {
    addMailing(step().sqlite, 'm', 'Kerstmenu');
    expect(schemaNames(step().sqlite, 'table')).not.toContain('library_items');

    step().migrate();

    expect(step().sqlite.prepare("select subject from mailings where id = 'm'").pluck().get()).toBe(
      'Kerstmenu',
    );
    expect(step().sqlite.prepare('select count(*) from library_items').pluck().get()).toBe(0);
    expect(step().sqlite.prepare('select count(*) from library_images').pluck().get()).toBe(0);
  });

  it("keeps an item's images with it: refused for an unknown item, deleted with it", () => {
    step().migrate();
    const { sqlite } = step();
    sqlite
      .prepare(
        `insert into library_items (id, kind, name, document, created_at, updated_at)
         values ('b', 'block', 'Groet', '{"version":1}', ?, ?)`,
      )
      .run(T0, T0);
    const image = sqlite.prepare(
      `insert into library_images (id, item_id, file_name, mime, width, height, sha256, bytes)
       values (?, ?, 'a.png', 'image/png', 1, 1, 'x', x'00')`,
    );
    expect(() => image.run('i0', 'unknown')).toThrow(/FOREIGN KEY/);
    image.run('i1', 'b');
    expect(sqlite.prepare('select subject, top_line from library_items').get()).toEqual({
      subject: '',
      top_line: '',
    });
    sqlite.prepare("delete from library_items where id = 'b'").run();
    expect(sqlite.prepare('select count(*) from library_images').pluck().get()).toBe(0);
  });
});
