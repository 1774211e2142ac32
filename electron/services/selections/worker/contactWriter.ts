import type Database from 'better-sqlite3';
import { mergeData, type ContactSink } from '../importPlan';

/** Rows per INSERT: one statement call for many rows is most of the saving over one per row. */
const BATCH_ROWS = 100;
const COLUMNS = '(selection_id, email, normalized_email, data, row_number)';
const ROW = '(?, ?, ?, ?, ?)';
const PER_ROW = 5;

/**
 * Writes an import's accepted contacts straight into `contacts`, inside the import worker's one
 * transaction (workerDatabase.ts), BATCH_ROWS rows per INSERT through one prepared statement. A
 * later row of the same address merges into its first row: in the batch when that row is still
 * there, else at the end, in one pass over the rows concerned.
 */
export class ContactWriter {
  readonly sink: ContactSink;
  private readonly batch: (string | number)[] = [];
  private readonly insertBatch: Database.Statement;
  private readonly insertOne: Database.Statement;
  /** First row → the later rows' variables, for first rows already written. */
  private readonly merges = new Map<number, Record<string, string>[]>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly selectionId: string,
  ) {
    this.insertBatch = sqlite.prepare(
      `insert into contacts ${COLUMNS} values ${Array(BATCH_ROWS).fill(ROW).join(', ')}`,
    );
    this.insertOne = sqlite.prepare(`insert into contacts ${COLUMNS} values ${ROW}`);
    this.sink = {
      add: (row, email, normalizedEmail, data) => {
        this.batch.push(selectionId, email, normalizedEmail, data, row);
        if (this.batch.length === BATCH_ROWS * PER_ROW) this.flush();
      },
      merge: (firstRow, later) => this.merge(firstRow, later),
    };
  }

  /** The rest of the batch and the waiting merges. */
  finish(): void {
    const batch = this.batch;
    for (let at = 0; at < batch.length; at += PER_ROW)
      this.insertOne.run(batch.slice(at, at + PER_ROW));
    batch.length = 0;
    if (this.merges.size > 0) this.applyMerges();
  }

  private flush(): void {
    this.insertBatch.run(this.batch);
    this.batch.length = 0;
  }

  private merge(firstRow: number, later: Record<string, string>): void {
    const batch = this.batch;
    for (let at = 0; at < batch.length; at += PER_ROW) {
      if (batch[at + 4] === firstRow) {
        batch[at + 3] = mergeData(batch[at + 3] as string, later);
        return;
      }
    }
    const waiting = this.merges.get(firstRow);
    if (waiting) waiting.push(later);
    else this.merges.set(firstRow, [later]);
  }

  private applyMerges(): void {
    const firstRows = this.sqlite
      .prepare(
        `select id, row_number as row, data from contacts
         where selection_id = ? and row_number in (select value from json_each(?))`,
      )
      .all(this.selectionId, JSON.stringify([...this.merges.keys()])) as {
      id: number;
      row: number;
      data: string;
    }[];
    const update = this.sqlite.prepare('update contacts set data = ? where id = ?');
    for (const { id, row, data } of firstRows) {
      const merged = this.merges.get(row)!.reduce(mergeData, data);
      if (merged !== data) update.run(merged, id);
    }
  }
}
