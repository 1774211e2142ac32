import { afterEach, expect, it } from 'vitest';
import { columnsOf } from '../../../electron/services/segments/typedValues';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importLines } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

/** The typed cells of a selection by row number, slot by slot. */
function typedRows(selectionId: string): Record<string, unknown>[] {
  return t.app.context.database.sqlite
    .prepare(
      `select c.row_number, f.* from contact_fields f join contacts c on c.id = f.contact_id
       where f.selection_id = ? order by c.row_number`,
    )
    .all(selectionId)
    .map((row) => {
      const {
        contact_id: _id,
        selection_id: _selection,
        ...cells
      } = row as Record<string, unknown>;
      return cells;
    });
}

it('types cells while reading the file exactly as typing the stored contacts afterwards does', async () => {
  t = await startTestApp();
  const lines = ['email;naam;bedrag;geboren;klantnr;code;leeg;notitie'];
  for (let i = 1; i <= 100; i += 1) {
    // klantnr (referentienummer) is a number column until row 81, then text: typed again at the end.
    const klantnr = i === 80 ? 'n.v.t.' : String(1000 + i);
    // bedrag (waardebon_bedrag) is empty in row 4; its duplicate (row 6) fills it in.
    const bedrag = i === 3 ? '' : `€ ${i},50`;
    const code = i % 10 === 0 ? '17-05-1980' : '';
    lines.push(
      `klant${i}@example.nl;Klant ${i};${bedrag};${(i % 28) + 1}-05-1980;${klantnr};${code};;Één Keer ${i}`,
    );
    if (i === 4) lines.push('KLANT3@example.nl;Ander;€ 9,00;;;;;');
    // A later duplicate fills code with text: that column turns text through a merge.
    if (i === 60) lines.push('klant7@example.nl;;;;;geen datum;;');
  }
  const selectionId = await importLines(t, lines, 'Kassa');

  const sqlite = t.app.context.database.sqlite;
  // The same contacts typed afterwards, the way selections imported before segments are typed.
  sqlite.exec(`insert into selections (id, description, file_name, created_at, consent_confirmed_at)
               values ('later', 'later', 'later.csv', 0, 0);
               insert into contacts (selection_id, email, normalized_email, data, row_number)
               select 'later', email, normalized_email, data, row_number from contacts
               where selection_id = '${selectionId}' order by id`);
  const later = columnsOf(sqlite, ['later']).get('later');
  const stored = columnsOf(sqlite, [selectionId]).get(selectionId);
  expect(stored).toEqual(later);
  expect(stored).toEqual({
    naam: { type: 'text', slot: 't0' },
    waardebon_bedrag: { type: 'number', slot: 'v0' },
    geboren: { type: 'date', slot: 'v1' },
    referentienummer: { type: 'text', slot: 't1' },
    code: { type: 'text', slot: 't2' },
    leeg: { type: 'text', slot: 't3' },
    notitie: { type: 'text', slot: 't4' },
  });
  const typed = typedRows(selectionId);
  expect(typed).toEqual(typedRows('later'));
  expect(typed).toHaveLength(100);
  expect(typed[2]).toMatchObject({
    row_number: 4,
    v0: 9,
    v1: 19800504,
    t1: '1003',
    t4: 'één keer 3',
  });
  expect(typed[6]).toMatchObject({ row_number: 9, t2: 'geen datum' });
  expect(typed[9]).toMatchObject({ row_number: 12, t2: '17-05-1980', t3: null });
});

it('gives imported contacts ids after every id ever given, as AUTOINCREMENT does', async () => {
  t = await startTestApp();
  const sqlite = t.app.context.database.sqlite;
  const ids = (selectionId: string) =>
    sqlite
      .prepare('select id from contacts where selection_id = ? order by row_number')
      .pluck()
      .all(selectionId) as number[];
  const first = await importLines(t, ['email;naam', 'a@example.nl;A', 'b@example.nl;B'], 'Een');
  const second = await importLines(t, ['email;naam', 'c@example.nl;C', 'd@example.nl;D'], 'Twee');
  expect(ids(first)).toEqual([1, 2]);
  expect(ids(second)).toEqual([3, 4]);
  // The newest contacts removed: their ids are not given again.
  sqlite.prepare('delete from selections where id = ?').run(second);
  const third = await importLines(t, ['email;naam', 'e@example.nl;E'], 'Drie');
  expect(ids(third)).toEqual([5]);
  // A contact written the usual way afterwards comes after the imported ones.
  sqlite
    .prepare(
      `insert into contacts (selection_id, email, normalized_email, row_number)
                  values (?, 'f@example.nl', 'f@example.nl', 9)`,
    )
    .run(third);
  expect(ids(third)).toEqual([5, 6]);
  expect(
    sqlite.prepare('select contact_id from contact_fields order by contact_id').pluck().all(),
  ).toEqual([1, 2, 5]);
});
