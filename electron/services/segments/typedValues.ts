import type Database from 'better-sqlite3';
import {
  ColumnTypeGuess,
  parseDutchDate,
  parseDutchNumber,
  type ColumnType,
} from '../../contract/plain/columnValues';

export type ColumnTypes = Record<string, ColumnType>;

/** Text as conditions compare it: trimmed, lower case (both sides alike). */
export function lowered(value: string): string {
  return value.trim().toLocaleLowerCase('nl');
}

/** The parsers as SQL functions, so typing a selection never moves its contacts through JS objects. */
function registerFunctions(sqlite: Database.Database): void {
  const options = { deterministic: true };
  sqlite.function('wp_number', options, (v: unknown) => parseDutchNumber(String(v)));
  sqlite.function('wp_day', options, (v: unknown) => parseDutchDate(String(v)));
  sqlite.function('wp_lowered', options, (v: unknown) => lowered(String(v)));
}

/** The e-mail address has its own column; every other variable of the data can be a condition. */
const VALUES_OF = `from contacts c, json_each(c.data) j
  where c.selection_id = @selectionId and j.key != 'email'`;

/**
 * Infers the selection's column types from all its cells and stores every filled cell typed
 * (`contact_values`). Runs inside the import's transaction, on whichever connection imports.
 */
export function storeTypedValues(sqlite: Database.Database, selectionId: string): ColumnTypes {
  registerFunctions(sqlite);
  const guesses = new Map<string, ColumnTypeGuess>();
  const cells = sqlite.prepare(`select j.key as column, j.value as value ${VALUES_OF}`).raw();
  for (const [column, value] of cells.iterate({ selectionId }) as Iterable<[string, unknown]>) {
    let guess = guesses.get(column);
    if (!guess) guesses.set(column, (guess = new ColumnTypeGuess()));
    guess.add(String(value ?? ''));
  }
  const types: ColumnTypes = {};
  for (const [column, guess] of guesses) types[column] = guess.type;
  const ofType = (type: ColumnType) =>
    JSON.stringify(Object.keys(types).filter((c) => types[c] === type));
  sqlite
    .prepare(
      `insert into contact_values (contact_id, selection_id, column, number, day, lowered)
       select c.id, c.selection_id, j.key,
         case when j.key in (select value from json_each(@numbers)) then wp_number(j.value) end,
         case when j.key in (select value from json_each(@dates)) then wp_day(j.value) end,
         wp_lowered(j.value)
       ${VALUES_OF} and trim(j.value) != ''`,
    )
    .run({ selectionId, numbers: ofType('number'), dates: ofType('date') });
  sqlite
    .prepare('insert or replace into selection_column_types (selection_id, types) values (?, ?)')
    .run(selectionId, JSON.stringify(types));
  return types;
}

/** The column types of selections typed at import; selections imported before are typed now. */
export function columnTypesOf(
  sqlite: Database.Database,
  selectionIds: readonly string[],
): Map<string, ColumnTypes> {
  const read = sqlite
    .prepare('select types from selection_column_types where selection_id = ?')
    .pluck();
  const result = new Map<string, ColumnTypes>();
  for (const id of selectionIds) {
    const stored = read.get(id) as string | undefined;
    result.set(
      id,
      stored === undefined
        ? sqlite.transaction(() => storeTypedValues(sqlite, id))()
        : (JSON.parse(stored) as ColumnTypes),
    );
  }
  return result;
}
