import Database from 'better-sqlite3';
import { importError } from '../importError';
import type { ContactSink, Counts } from '../importPlan';
import { ImportStore, removeImport } from '../importStore';
import { ImportWriter } from '../importWriter';
import type { SelectionToStore } from './protocol';

/**
 * The import worker's own connection to the app's database file (WAL), so writing never holds the
 * main thread. The contacts go straight into the real tables, once, under a selection marked
 * `importing` that every reader leaves out. The rows read since the last progress report are
 * written in one short transaction (`checkpoint`, importWriter.ts): the write lock is free while
 * the worker reads, so a write of the app waits for one such write at most (busy timeout 5 s,
 * DESIGN.md), never for the whole import. `commit` makes the selection visible in one statement;
 * `close` without it removes what was written, and a start of the app removes what a killed
 * import left (importStore.ts).
 */
export class WorkerDatabase {
  private readonly sqlite: Database.Database;
  private readonly store: ImportStore;
  private readonly writer: ImportWriter;
  readonly sink: ContactSink;
  private published = false;

  /** `fieldNames`: the contact's variables (importPlan's contactFields). */
  constructor(selection: SelectionToStore, fieldNames: readonly string[]) {
    this.sqlite = new Database(selection.databaseFile, { fileMustExist: true });
    this.sqlite.pragma('busy_timeout = 5000');
    // The chunks need no sync of their own: until the last commit (FULL, whose sync takes every
    // chunk before it to disk) they are invisible, and a start removes them after a power cut.
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('foreign_keys = ON');
    // Every page is written a few times at most: a 4 MB cache (instead of 16 MB) keeps it small.
    this.sqlite.pragma('cache_size = -4096');
    this.store = new ImportStore(this.sqlite, selection.id);
    this.store.createSelection(selection);
    const inWrite = this.sqlite.transaction((write: () => void) => write());
    this.writer = new ImportWriter(this.store, fieldNames, (write) => inWrite.immediate(write));
    this.sink = this.writer.sink;
  }

  /** Between chunks of rows: the rows read so far are written. */
  checkpoint(): void {
    this.writer.write();
  }

  /** The selection with every contact, visible at once; on disk when this returns. */
  commit(counts: Counts): void {
    if (counts.rows === 0) throw importError('noRows', 'The file has no rows');
    if (counts.imported === 0) throw importError('noValidRows', 'No valid address in the file');
    const columns = this.writer.finish();
    this.sqlite.exec('pragma synchronous = FULL');
    this.sqlite.transaction(() => this.store.publish(columns)).immediate();
    this.published = true;
  }

  /** Without `commit` before: the selection and what was written of it are removed. */
  close(): void {
    if (!this.sqlite.open) return;
    try {
      if (!this.published) removeImport(this.sqlite, this.store.selectionId);
    } finally {
      this.sqlite.close();
    }
  }
}
