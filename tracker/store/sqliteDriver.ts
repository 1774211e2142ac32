import Database from 'better-sqlite3';
import { rowPlaceholders, type SqlDriver, type SqlExecutor, type SqlValue } from './sqlDriver';
import { migrateSqlite } from './migrations/sqliteMigrator';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer';

/** SQLite's default: a commit that leaves the log longer than this copies it back (a checkpoint). */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

/** How long a write waits for another process's write lock before it fails (as busy_timeout). */
const LOCK_WAIT_MS = 5000;

/**
 * `begin immediate` without blocking the event loop while another process holds the write lock:
 * SQLite's own busy handler sleeps in this thread (1, 2, 5, 10… ms at a time), during which no
 * pixel or click of this process is answered; with several workers on one file their batches meet
 * all the time. Here the lock is tried without waiting and, while taken, tried again after a
 * timer of a few milliseconds, up to LOCK_WAIT_MS. Other statements keep the busy timeout.
 */
async function beginImmediate(db: Database.Database): Promise<void> {
  const deadline = performance.now() + LOCK_WAIT_MS;
  db.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        db.exec('begin immediate');
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() > deadline)
          throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 3));
    }
  } finally {
    db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  }
}

/**
 * better-sqlite3 behind the async SqlDriver. One connection: every call goes through one queue, so
 * a transaction's awaits can never let another request's statements slip in between.
 */
export interface SqliteDriverOptions {
  /** Checkpoints from a thread of their own instead of in this connection's commits (walCheckpointer). */
  backgroundCheckpoints?: boolean;
}

export function openSqliteDriver(path: string, options: SqliteDriverOptions = {}): SqlDriver {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
  migrateSqlite(db);
  let checkpointer: WalCheckpointer | undefined;
  if (options.backgroundCheckpoints) {
    db.pragma('wal_autocheckpoint = 0');
    checkpointer = startWalCheckpointer({
      path,
      onFailure: (error) => {
        // Never a log that grows without end: this connection checkpoints again itself.
        if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`);
        // An error thrown in the thread arrives as a plain object (e.g. { code: 'SQLITE_CANTOPEN' }).
        const reason = error instanceof Error ? error.message : JSON.stringify(error);
        process.emitWarning(`SQLite checkpoints are back in the request thread: ${String(reason)}`);
      },
    });
  }

  const statements = new Map<string, Database.Statement>();
  const arrayStatements = new Map<string, Database.Statement>();
  const prepare = (sql: string, cache = statements) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (cache === arrayStatements) statement.raw(true);
      cache.set(sql, statement);
    }
    return statement;
  };
  const executor: SqlExecutor = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: SqlValue[] = []) => prepare(sql).all(...params) as T[],
    run: async (sql: string, params: SqlValue[] = []) => prepare(sql).run(...params).changes,
    allArrays: async (sql: string, params: SqlValue[] = []) =>
      prepare(sql, arrayStatements).all(...params) as unknown[][],
    insertMany: async (head: string, rows: SqlValue[][], tail = '') => {
      if (rows.length === 0) return;
      const statement = prepare(`${head} values ${rowPlaceholders(rows[0]!.length)} ${tail}`);
      for (const row of rows) statement.run(row);
    },
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    dialect: 'sqlite',
    all: (sql, params) => serialized(() => executor.all(sql, params)),
    run: (sql, params) => serialized(() => executor.run(sql, params)),
    allArrays: (sql, params) => serialized(() => executor.allArrays(sql, params)),
    insertMany: (head, rows, tail) => serialized(() => executor.insertMany(head, rows, tail)),
    transaction: (fn, options) =>
      serialized(async () => {
        // Per transaction: only relaxed ones skip the fsync; the pragma is reset before anything else runs.
        if (options?.relaxed) db.pragma('synchronous = NORMAL');
        try {
          // IMMEDIATE takes the write lock up front, so another process (a worker, the admin CLI) waits.
          await beginImmediate(db);
          try {
            const value = await fn(executor);
            db.exec('commit');
            return value;
          } catch (error) {
            if (db.inTransaction) db.exec('rollback');
            throw error;
          }
        } finally {
          if (options?.relaxed) db.pragma('synchronous = FULL');
        }
      }),
    close: async () => {
      await queue;
      await checkpointer?.stop();
      db.close();
    },
  };
}
