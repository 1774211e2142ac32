import Database from 'better-sqlite3';
import { importError } from '../importError';
import type { ContactSink, Counts } from '../importPlan';
import { ContactWriter } from './contactWriter';
import type { SelectionToStore } from './protocol';

/**
 * The import worker's own connection to the app's database file (WAL), so the writing never
 * holds the main thread. The selection and its contacts go in one immediate transaction, begun
 * before the first row and committed after the last (all or nothing; a crash or kill in between
 * leaves nothing, as SQLite rolls back an uncommitted transaction). That makes the worker a second
 * writer for the import's duration (about 1.5× the time of the bare inserts, docs/DEVELOPING.md):
 * the busy timeout of DESIGN.md (5 s) lets either side wait for the other instead of failing.
 */
export class WorkerDatabase {
  private readonly sqlite: Database.Database;
  private readonly writer: ContactWriter;
  readonly sink: ContactSink;

  constructor(private readonly selection: SelectionToStore) {
    this.sqlite = new Database(selection.databaseFile, { fileMustExist: true });
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.exec('begin immediate');
    const s = selection;
    this.sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
         count, consent_confirmed_at) values (?, ?, ?, ?, ?, ?, 0, ?)`,
      )
      .run(s.id, s.description, s.fileName, s.createdAt, s.mapping, s.extraColumns, s.createdAt);
    this.writer = new ContactWriter(this.sqlite, s.id);
    this.sink = this.writer.sink;
  }

  /** The selection and every contact, all or nothing; on disk when this returns. */
  commit(counts: Counts): void {
    if (counts.rows === 0) throw importError('noRows', 'The file has no rows');
    if (counts.imported === 0) throw importError('noValidRows', 'No valid address in the file');
    this.writer.finish();
    this.sqlite
      .prepare('update selections set count = ? where id = ?')
      .run(counts.imported, this.selection.id);
    this.sqlite.exec('commit');
  }

  /** Closing rolls back what was not committed. */
  close(): void {
    if (!this.sqlite.open) return;
    if (this.sqlite.inTransaction) this.sqlite.exec('rollback');
    this.sqlite.close();
  }
}
