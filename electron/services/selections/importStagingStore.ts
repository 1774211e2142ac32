import type Database from 'better-sqlite3';
import { copyTypedCells, type SelectionColumns } from '../segments/typedValues';
import type { SelectionToStore } from './worker/protocol';

let nextStagingId = 0;

/** Rows per insert statement: one statement per row costs more in binding than in storing. */
export const ROWS_PER_INSERT = 32;
/** Rows read back at a time when a column has to be typed again. */
const RETYPE_BATCH = 5000;

/**
 * The SQL of an import on the import worker's connection: its temporary staging table (row
 * number as key, seq, address, data, then x0… the typed cells), and the one transaction's
 * statements that put the selection and the staged contacts into the real tables.
 */
export class ImportStagingStore {
  readonly table = `import_staging_${(nextStagingId += 1)}`;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly readRow: Database.Statement;
  private readonly writeRow: Database.Statement;
  private readonly readAddress: Database.Statement;

  /** `width`: values per staged row (5 + the contact's fields). */
  constructor(
    private readonly sqlite: Database.Database,
    fieldCount: number,
  ) {
    const width = 5 + fieldCount;
    // A small page cache for the temporary table: its pages may wait in the temp file instead of
    // in memory (16 MB by default), the copy reads them once.
    sqlite.pragma('temp.cache_size = -2048');
    // The row number is the key: duplicates merge into their first row by it.
    // seq numbers the contacts 1, 2, 3… in file order: their ids in `contacts` follow from it.
    sqlite.exec(`create temp table ${this.table} (row_number integer primary key, seq integer
      not null, email text not null, normalized_email text not null, data text not null
      ${Array.from({ length: fieldCount }, (_, i) => `, x${i}`).join('')})`);
    const row = `(${new Array(width).fill('?').join(', ')})`;
    this.insertOne = sqlite.prepare(`insert into temp.${this.table} values ${row}`);
    this.insertMany = sqlite.prepare(
      `insert into temp.${this.table} values ${new Array(ROWS_PER_INSERT).fill(row).join(', ')}`,
    );
    this.readRow = sqlite.prepare(`select * from temp.${this.table} where row_number = ?`).raw();
    this.writeRow = sqlite.prepare(`insert or replace into temp.${this.table} values ${row}`);
    this.readAddress = sqlite
      .prepare(`select normalized_email from temp.${this.table} where row_number = ?`)
      .pluck();
  }

  /** ROWS_PER_INSERT staged rows, value after value. */
  stageMany(values: unknown[]): void {
    this.insertMany.run(values);
  }

  stageOne(values: unknown[]): void {
    this.insertOne.run(values);
  }

  /** A staged row's values, in table order. */
  row(rowNumber: number): unknown[] {
    return this.readRow.get(rowNumber) as unknown[];
  }

  replaceRow(values: unknown[]): void {
    this.writeRow.run(values);
  }

  address(rowNumber: number): string | undefined {
    return this.readAddress.get(rowNumber) as string | undefined;
  }

  /**
   * Every staged row's data, a page at a time, each page handed to `retype` to give the new
   * values of the typed cells `fields` (x…), which are written in one transaction per page.
   */
  retype(fields: number[], retype: (data: string) => unknown[]): void {
    const page = this.sqlite.prepare(
      `select row_number, data from temp.${this.table} where row_number > ?
       order by row_number limit ${RETYPE_BATCH}`,
    );
    const write = this.sqlite.prepare(
      `update temp.${this.table} set ${fields.map((f) => `x${f} = ?`).join(', ')}
       where row_number = ?`,
    );
    for (let after = 0; ;) {
      const rows = page.all(after) as { row_number: number; data: string }[];
      if (rows.length === 0) return;
      this.sqlite.transaction(() => {
        for (const { row_number, data } of rows) write.run(...retype(data), row_number);
      })();
      after = rows[rows.length - 1]!.row_number;
    }
  }

  insertSelection(s: SelectionToStore, count: number): void {
    this.sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
         count, consent_confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.id,
        s.description,
        s.fileName,
        s.createdAt,
        s.mapping,
        s.extraColumns,
        count,
        s.createdAt,
      );
  }

  /**
   * Inside the caller's transaction: every staged contact into `contacts` in file order, and its
   * typed cells into `contact_fields` (`fieldOfSlot`: the staged x… of each slot). The contacts
   * get the ids after the highest ever given (AUTOINCREMENT's rule, and no other writer
   * meanwhile), so the typed cells need no join.
   */
  copyInto(
    selectionId: string,
    columns: SelectionColumns,
    fieldOfSlot: ReadonlyMap<string, number>,
  ): number {
    const base = this.sqlite
      .prepare(
        `select max(coalesce((select seq from sqlite_sequence where name = 'contacts'), 0),
                    coalesce((select max(id) from contacts), 0))`,
      )
      .pluck()
      .get() as number;
    const copied = this.sqlite
      .prepare(
        `insert into contacts (id, selection_id, email, normalized_email, data, row_number)
         select @base + seq, @selectionId, email, normalized_email, data, row_number
         from temp.${this.table} order by row_number`,
      )
      .run({ base, selectionId }).changes;
    copyTypedCells(this.sqlite, selectionId, columns, {
      rows: `temp.${this.table} t`,
      contactId: 't.seq + @base',
      slotValue: (slot) => (fieldOfSlot.has(slot) ? `t.x${fieldOfSlot.get(slot)}` : 'null'),
      params: { base },
    });
    return copied;
  }

  drop(): void {
    // The app may have closed its database while the import waited for its turn.
    if (this.sqlite.open) this.sqlite.exec(`drop table if exists temp.${this.table}`);
  }
}
