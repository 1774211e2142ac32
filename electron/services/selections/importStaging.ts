import type Database from 'better-sqlite3';
import { mergeData, type ContactSink } from './importPlan';

let nextStagingId = 0;

/**
 * A file's accepted contacts, written chunk by chunk into a temporary table of the import worker's
 * connection while it reads the file. The temporary table is the connection's own (never in
 * winkelpost.sqlite): other writers in between are untouched, and a failed or interrupted import
 * leaves nothing behind. `copyInto` moves the contacts into the real
 * table with one statement inside the import's one transaction.
 */
export class ImportStaging {
  /** Its temporary table (keyed by row number, with each contact's `data`). */
  readonly table = `import_staging_${(nextStagingId += 1)}`;
  readonly sink: ContactSink;

  constructor(private readonly sqlite: Database.Database) {
    // A small page cache for the temporary table: its pages may wait in the temp file instead of
    // in memory (16 MB by default), the copy reads them once.
    sqlite.pragma('temp.cache_size = -2048');
    // The row number is the key: duplicates merge into their first row by it.
    sqlite.exec(`create temp table ${this.table} (row_number integer primary key,
      email text not null, normalized_email text not null, data text not null)`);
    const insert = sqlite.prepare(
      `insert into temp.${this.table} (row_number, email, normalized_email, data)
       values (?, ?, ?, ?)`,
    );
    const readData = sqlite
      .prepare(`select data from temp.${this.table} where row_number = ?`)
      .pluck();
    const writeData = sqlite.prepare(`update temp.${this.table} set data = ? where row_number = ?`);
    this.sink = {
      add: (row, email, normalizedEmail, data) => {
        insert.run(row, email, normalizedEmail, data);
      },
      merge: (firstRow, later) => {
        const before = readData.get(firstRow) as string;
        const after = mergeData(before, later);
        if (after !== before) writeData.run(after, firstRow);
      },
    };
  }

  /** Inside the caller's transaction: every staged contact into `contacts`, in file order. */
  copyInto(selectionId: string): number {
    return this.sqlite
      .prepare(
        `insert into contacts (selection_id, email, normalized_email, data, row_number)
         select ?, email, normalized_email, data, row_number from temp.${this.table}
         order by row_number`,
      )
      .run(selectionId).changes;
  }

  drop(): void {
    // The app may have closed its database while the import waited for its turn.
    if (this.sqlite.open) this.sqlite.exec(`drop table if exists temp.${this.table}`);
  }
}
