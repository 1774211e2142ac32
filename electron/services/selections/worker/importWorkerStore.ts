import Database from 'better-sqlite3';
import { importError } from '../importError';
import type { Counts } from '../importPlan';
import { ImportStaging } from '../importStaging';
import type { ContactSink } from '../importPlan';
import type { SelectionToStore } from './protocol';

/**
 * The import worker's own connection to the app's database file (WAL), so staging and the final
 * copy never hold the main thread. Its contacts wait in a temporary table of this connection (no
 * lock on the database file, invisible to the app); only `commit` writes the database, in one
 * immediate transaction. That makes the worker a second writer for that one transaction: the
 * busy timeout of DESIGN.md (5 s) lets either side wait for the other instead of failing.
 */
export class ImportWorkerStore {
  private readonly sqlite: Database.Database;
  private readonly staging: ImportStaging;
  readonly sink: ContactSink;

  /** `fieldNames`: the contact's variables (importPlan's contactFields). */
  constructor(
    private readonly selection: SelectionToStore,
    fieldNames: readonly string[],
  ) {
    this.sqlite = new Database(selection.databaseFile, { fileMustExist: true });
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.pragma('synchronous = FULL');
    // No foreign key checks: this connection writes only the staging table and the final copy,
    // whose selection is inserted by the same transaction and whose typed cells name the contacts
    // it has just inserted, so every reference holds by construction. Checking them took some 15%
    // of the copy (a look-up of the selection per contact and of the contact per typed row).
    this.sqlite.pragma('foreign_keys = OFF');
    // The copy writes every page once: a 4 MB cache (instead of 16 MB) keeps the worker small.
    this.sqlite.pragma('cache_size = -4096');
    // No checkpoint inside the copy's commit: `checkpointWal` runs it after the answer is sent.
    this.sqlite.pragma('wal_autocheckpoint = 0');
    this.staging = new ImportStaging(this.sqlite, fieldNames);
    this.sink = this.staging.sink;
    this.sqlite.exec('begin');
  }

  /** Between batches: the staged rows so far leave the transaction (they are temporary). */
  checkpoint(): void {
    this.sqlite.exec('commit; begin');
  }

  /** The selection and every staged contact, all or nothing; on disk when this returns. */
  commit(counts: Counts): void {
    this.staging.finish();
    this.sqlite.exec('commit');
    if (counts.rows === 0) throw importError('noRows', 'The file has no rows');
    if (counts.imported === 0) throw importError('noValidRows', 'No valid address in the file');
    this.sqlite
      .transaction(() => this.staging.copyInto(this.selection, counts.imported))
      .immediate();
  }

  /**
   * After the answer: the copy's pages from the WAL into the database file (some 50 ms CPU and
   * an fsync per 100,000 rows, which the commit used to run before the shop saw its result).
   * PASSIVE waits for no reader or writer of the app; what it cannot copy now the app's own
   * connection checkpoints later. A failure here loses nothing: the commit is in the WAL.
   */
  checkpointWal(): void {
    try {
      this.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The app may have closed or removed its database meanwhile; its next start recovers.
    }
  }

  /** Closing drops the temporary table and rolls back what was not committed. */
  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
