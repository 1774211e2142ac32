import type Database from 'better-sqlite3';
import { typedValue } from '../segments/typedValues';
import type { ContactSink } from './importPlan';
import { ImportStagingStore, ROWS_PER_INSERT } from './importStagingStore';
import { StagedTypes } from './stagedTypes';
import type { SelectionToStore } from './worker/protocol';

/** Where a staged row holds its data; its typed cells follow. */
const DATA = 4;

/**
 * A file's accepted contacts, written while it is read into a temporary table of the import
 * worker's connection (importStagingStore.ts), each with its cells typed for segments
 * (stagedTypes.ts). The temporary table is the connection's own (never in winkelpost.sqlite):
 * other writers in between are untouched, and a failed or interrupted import leaves nothing
 * behind. `copyInto` inserts the selection and moves the contacts and their typed cells into the
 * real tables inside the import's one transaction.
 */
export class ImportStaging {
  readonly sink: ContactSink;
  private readonly store: ImportStagingStore;
  private readonly types: StagedTypes;
  /** Values per staged row. */
  private readonly width: number;
  /** Rows waiting for the next multi-row insert, value after value. */
  private readonly pending: unknown[];
  private pendingRows = 0;
  /** Contacts staged so far. */
  private staged = 0;

  constructor(sqlite: Database.Database, fieldNames: readonly string[]) {
    this.store = new ImportStagingStore(sqlite, fieldNames.length);
    this.types = new StagedTypes(fieldNames);
    this.width = 5 + fieldNames.length;
    this.pending = new Array<unknown>(ROWS_PER_INSERT * this.width);
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
          this.store.stageMany(pending);
          this.pendingRows = 0;
        }
      },
      merge: (firstRow, later) => {
        this.flush();
        const staged = this.store.row(firstRow);
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
        this.store.replaceRow(staged);
      },
      hasAddress: (firstRow, normalizedEmail) => {
        this.flush();
        return this.store.address(firstRow) === normalizedEmail;
      },
    };
  }

  /** After the last row: the rows still waiting, and columns whose type changed typed again. */
  finish(): void {
    this.flush();
    const fields = this.types.retypeAsText();
    if (fields.length === 0) return;
    this.store.retype(fields, (data) => {
      const cells = JSON.parse(data) as Record<string, string>;
      return fields.map((f) => typedValue('text', cells[this.types.names[f]!]));
    });
  }

  /**
   * Inside the caller's transaction: the selection, every staged contact into `contacts` in file
   * order and its typed cells into `contact_fields`.
   */
  copyInto(selection: SelectionToStore, count: number): number {
    this.store.insertSelection(selection, count);
    const { columns, fieldOfSlot } = this.types.columns();
    return this.store.copyInto(selection.id, columns, fieldOfSlot);
  }

  drop(): void {
    this.store.drop();
  }

  private flush(): void {
    for (let row = 0; row < this.pendingRows; row += 1)
      this.store.stageOne(this.pending.slice(row * this.width, (row + 1) * this.width));
    this.pendingRows = 0;
  }
}
