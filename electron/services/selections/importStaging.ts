import type Database from 'better-sqlite3';
import { copyTypedCells, typedValue } from '../segments/typedValues';
import type { ContactSink } from './importPlan';
import { StagedTypes } from './stagedTypes';

let nextStagingId = 0;

/** Rows per insert statement: one statement per row costs more in binding than in storing. */
const ROWS_PER_INSERT = 32;
/** Where a staged row holds its data; its typed cells follow. */
const DATA = 4;
/** Rows read back at a time when a column has to be typed again (retypeAsText). */
const RETYPE_BATCH = 5000;

/**
 * A file's accepted contacts, written while it is read into a temporary table of the import
 * worker's connection, each with its cells typed for segments (stagedTypes.ts). The temporary
 * table is the connection's own (never in winkelpost.sqlite): other writers in between are
 * untouched, and a failed or interrupted import leaves nothing behind. `copyInto` moves the
 * contacts and their typed cells into the real tables with two statements inside the import's one
 * transaction.
 */
export class ImportStaging {
  /** Its temporary table: row number (the key), seq, address, data, then x0… the typed cells. */
  readonly table = `import_staging_${(nextStagingId += 1)}`;
  readonly sink: ContactSink;
  private readonly types: StagedTypes;
  /** Values per staged row. */
  private readonly width: number;
  /** Rows waiting for the next multi-row insert, value after value. */
  private readonly pending: unknown[];
  private pendingRows = 0;
  /** Contacts staged so far. */
  private staged = 0;
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    fieldNames: readonly string[],
  ) {
    this.types = new StagedTypes(fieldNames);
    this.width = 5 + fieldNames.length;
    this.pending = new Array<unknown>(ROWS_PER_INSERT * this.width);
    // A small page cache for the temporary table: its pages may wait in the temp file instead of
    // in memory (16 MB by default), the copy reads them once.
    sqlite.pragma('temp.cache_size = -2048');
    // The row number is the key: duplicates merge into their first row by it.
    // seq numbers the contacts 1, 2, 3… in file order: their ids in `contacts` follow from it.
    sqlite.exec(`create temp table ${this.table} (row_number integer primary key, seq integer
      not null, email text not null, normalized_email text not null, data text not null
      ${fieldNames.map((_, i) => `, x${i}`).join('')})`);
    const row = `(${new Array(this.width).fill('?').join(', ')})`;
    this.insertOne = sqlite.prepare(`insert into temp.${this.table} values ${row}`);
    this.insertMany = sqlite.prepare(
      `insert into temp.${this.table} values ${new Array(ROWS_PER_INSERT).fill(row).join(', ')}`,
    );
    const readRow = sqlite.prepare(`select * from temp.${this.table} where row_number = ?`).raw();
    const writeRow = sqlite.prepare(`insert or replace into temp.${this.table} values ${row}`);
    const readAddress = sqlite
      .prepare(`select normalized_email from temp.${this.table} where row_number = ?`)
      .pluck();
    this.sink = {
      add: (rowNumber, email, normalizedEmail, data, values) => {
        const pending = this.pending;
        let at = this.pendingRows * this.width;
        pending[at++] = rowNumber;
        pending[at++] = this.staged += 1;
        pending[at++] = email;
        pending[at++] = normalizedEmail;
        pending[at++] = data;
        for (let i = 0; i < values.length; i += 1) pending[at++] = this.types.type(i, values[i]!);
        this.pendingRows += 1;
        if (this.pendingRows === ROWS_PER_INSERT) {
          this.insertMany.run(pending);
          this.pendingRows = 0;
        }
      },
      merge: (firstRow, later) => {
        this.flush();
        const staged = readRow.get(firstRow) as unknown[];
        const data = JSON.parse(staged[DATA] as string) as Record<string, string>;
        let changed = false;
        fieldNames.forEach((name, i) => {
          const value = later[name] ?? '';
          if ((data[name] ?? '') !== '' || value === '') return;
          data[name] = value;
          staged[DATA + 1 + i] = this.types.type(i, value);
          changed = true;
        });
        if (!changed) return;
        staged[DATA] = JSON.stringify(data);
        writeRow.run(staged);
      },
      hasAddress: (firstRow, normalizedEmail) => {
        this.flush();
        return readAddress.get(firstRow) === normalizedEmail;
      },
    };
  }

  /** After the last row: the rows still waiting, and columns whose type changed typed again. */
  finish(): void {
    this.flush();
    const fields = this.types.retypeAsText();
    if (fields.length === 0) return;
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
        for (const { row_number, data } of rows) {
          const cells = JSON.parse(data) as Record<string, string>;
          write.run(
            ...fields.map((f) => typedValue('text', cells[this.types.names[f]!])),
            row_number,
          );
        }
      })();
      after = rows[rows.length - 1]!.row_number;
    }
  }

  /**
   * Inside the caller's transaction: every staged contact into `contacts` in file order, and its
   * typed cells into `contact_fields`. The contacts get the ids after the highest ever given
   * (AUTOINCREMENT's rule, and no other writer meanwhile), so the typed cells need no join.
   */
  copyInto(selectionId: string): number {
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
    const { columns, fieldOfSlot } = this.types.columns();
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

  private flush(): void {
    for (let row = 0; row < this.pendingRows; row += 1)
      this.insertOne.run(this.pending.slice(row * this.width, (row + 1) * this.width));
    this.pendingRows = 0;
  }
}
