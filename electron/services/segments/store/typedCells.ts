import type Database from 'better-sqlite3';
import { TEXT_SLOTS, VALUE_SLOTS } from '../../../../db/schema/segmentSlots';
import { ColumnTypeGuess } from '../../../contract/plain/columnValues';
import { weakCache } from '../../render/weakCache';
import { isCondition, slotColumns, typedValue, type SelectionColumns } from '../cellTypes';

/** Where the contacts' data is read: a table with an integer key and a JSON `data` column. */
export interface CellSource {
  table: string;
  key: string;
  selectionId?: string;
}

const BATCH = 5000;
const SLOTS = [
  ...Array.from({ length: VALUE_SLOTS }, (_, i) => `v${i}`),
  ...Array.from({ length: TEXT_SLOTS }, (_, i) => `t${i}`),
];
let nextTemp = 0;

/**
 * A selection's column types (`selection_column_types`), prepared once per connection. Not in
 * SegmentStore: the import worker writes them too, and its bundle stays without zod.
 */
const columnTypes = weakCache((sqlite: Database.Database) => ({
  read: sqlite.prepare('select types from selection_column_types where selection_id = ?').pluck(),
  write: sqlite.prepare(
    'insert or replace into selection_column_types (selection_id, types) values (?, ?)',
  ),
}));

/** Rows in batches by key (better-sqlite3 allows no write while a query iterates). */
function* batches(sqlite: Database.Database, source: CellSource) {
  const filter = source.selectionId === undefined ? '' : 'selection_id = @selectionId and';
  const page = sqlite.prepare(
    `select ${source.key} as key, data from ${source.table}
     where ${filter} ${source.key} > @after order by ${source.key} limit ${BATCH}`,
  );
  let after = -1;
  for (;;) {
    const params =
      source.selectionId === undefined ? { after } : { after, selectionId: source.selectionId };
    const rows = page.all(params) as { key: number; data: string }[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.key;
    yield rows.map((r) => ({ key: r.key, data: JSON.parse(r.data) as Record<string, string> }));
  }
}

function inferColumns(sqlite: Database.Database, source: CellSource): SelectionColumns {
  const guesses = new Map<string, ColumnTypeGuess>();
  for (const batch of batches(sqlite, source)) {
    for (const { data } of batch) {
      for (const [column, value] of Object.entries(data)) {
        if (!isCondition(column)) continue;
        let guess = guesses.get(column);
        if (!guess) guesses.set(column, (guess = new ColumnTypeGuess()));
        guess.add(value);
      }
    }
  }
  return slotColumns([...guesses].map(([column, guess]) => [column, guess.type]));
}

/**
 * A selection's cells typed (`contact_fields`), its column types inferred from all its cells.
 * The reading, parsing and typing happen into a temporary table of the connection, outside any
 * write of the database file; `copyInto` then moves the typed rows with one statement, so the
 * import's write transaction (which holds the app's writes waiting) grows by a plain copy only.
 */
export class TypedCells {
  readonly columns: SelectionColumns;
  private readonly temp = `typed_cells_${(nextTemp += 1)}`;

  constructor(
    private readonly sqlite: Database.Database,
    source: CellSource,
  ) {
    this.columns = inferColumns(sqlite, source);
    const slotted = Object.entries(this.columns).filter(([, info]) => info.slot !== null);
    sqlite.exec(
      `create temp table ${this.temp} (key integer primary key${SLOTS.map((s) => `, ${s}`).join('')})`,
    );
    const insert = sqlite.prepare(
      `insert into temp.${this.temp} (key${slotted.map(([, i]) => `, ${i.slot}`).join('')})
       values (?${', ?'.repeat(slotted.length)})`,
    );
    for (const batch of batches(sqlite, source)) {
      sqlite.transaction(() => {
        for (const { key, data } of batch) {
          insert.run(key, ...slotted.map(([name, info]) => typedValue(info.type, data[name])));
        }
      })();
    }
  }

  /** Inside the caller's transaction: typed rows for the selection's contacts, matched by `on`. */
  copyInto(selectionId: string, on: 'row_number' | 'id'): void {
    copyTypedCells(this.sqlite, selectionId, this.columns, {
      rows: `contacts c join temp.${this.temp} t on t.key = c.${on} where c.selection_id = @selectionId`,
      contactId: 'c.id',
      slotValue: (slot) => `t.${slot}`,
    });
  }

  drop(): void {
    if (this.sqlite.open) this.sqlite.exec(`drop table if exists temp.${this.temp}`);
  }
}

/**
 * Inside the caller's transaction: a selection's typed rows into `contact_fields` (from `rows`, a
 * FROM clause; each contact's id and each slot's value an expression over it), and its column
 * types. `params` are named parameters of `rows` and `contactId` besides `selectionId`.
 */
export function copyTypedCells(
  sqlite: Database.Database,
  selectionId: string,
  columns: SelectionColumns,
  from: {
    rows: string;
    contactId: string;
    slotValue: (slot: string) => string;
    params?: Record<string, number>;
  },
): void {
  sqlite
    .prepare(
      `insert or replace into contact_fields (contact_id, selection_id${SLOTS.map((s) => `, ${s}`).join('')})
       select ${from.contactId}, @selectionId${SLOTS.map((s) => `, ${from.slotValue(s)}`).join('')}
       from ${from.rows}`,
    )
    .run({ selectionId, ...from.params });
  columnTypes(sqlite).write.run(selectionId, JSON.stringify(columns));
}

/** Types a selection's stored contacts now (a selection imported before segments existed). */
function typeStoredSelection(sqlite: Database.Database, selectionId: string): SelectionColumns {
  const typed = new TypedCells(sqlite, { table: 'contacts', key: 'id', selectionId });
  try {
    sqlite.transaction(() => typed.copyInto(selectionId, 'id'))();
    return typed.columns;
  } finally {
    typed.drop();
  }
}

/** The columns of selections typed at import; selections imported before are typed now. */
export function columnsOf(
  sqlite: Database.Database,
  selectionIds: readonly string[],
): Map<string, SelectionColumns> {
  const read = columnTypes(sqlite).read;
  const result = new Map<string, SelectionColumns>();
  for (const id of selectionIds) {
    const stored = read.get(id) as string | undefined;
    result.set(
      id,
      stored === undefined
        ? typeStoredSelection(sqlite, id)
        : (JSON.parse(stored) as SelectionColumns),
    );
  }
  return result;
}
