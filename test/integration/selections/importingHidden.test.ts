import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';

const dir = tempDir();
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  dir.remove();
});

it('a selection still importing is seen by no reader, and the next start removes it', async () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  t = await openTestApp(dir.path, clock);
  const sqlite = t.app.context.database.sqlite;
  const createdAt = clock.now();
  // What an import the app was killed in leaves: its selection marked, some contacts written.
  sqlite
    .prepare(
      `insert into selections (id, description, file_name, created_at, consent_confirmed_at,
       importing) values ('half', 'Half', 'kassa.csv', ?, ?, 1)`,
    )
    .run(createdAt, createdAt);
  sqlite.exec(`insert into contacts (selection_id, email, normalized_email, data, row_number)
               values ('half', 'jan@example.nl', 'jan@example.nl', '{}', 2)`);

  expect(await t.call('selections.list', {})).toEqual([]);
  await expect(t.call('selections.get', { id: 'half', limit: 10, offset: 0 })).rejects.toThrow(
    /selection/i,
  );
  const exported = await t.call('contacts.export', { email: 'jan@example.nl' });
  expect(exported.selections).toEqual([]);
  const status = await t.call('suppression.status', { email: 'jan@example.nl' });
  expect(status.selections).toBe(0);

  await t.close();
  t = await openTestApp(dir.path, clock);
  const left = t.app.context.database.sqlite
    .prepare('select (select count(*) from selections) + (select count(*) from contacts)')
    .pluck()
    .get();
  expect(left).toBe(0);
});
