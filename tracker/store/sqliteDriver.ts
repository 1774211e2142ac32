import Database from 'better-sqlite3';
import type { SqlDriver, SqlExecutor, SqlValue } from './sqlDriver';
import { migrateSqlite } from './migrations/sqliteMigrator';

/**
 * better-sqlite3 behind the async SqlDriver. One connection: every call goes through one queue, so
 * a transaction's awaits can never let another request's statements slip in between.
 */
export function openSqliteDriver(path: string): SqlDriver {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrateSqlite(db);

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
    transaction: (fn, options) =>
      serialized(async () => {
        // Per transaction: only relaxed ones skip the fsync; the pragma is reset before anything else runs.
        if (options?.relaxed) db.pragma('synchronous = NORMAL');
        try {
          // IMMEDIATE takes the write lock up front, so another process (the admin CLI) waits.
          db.exec('begin immediate');
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
      db.close();
    },
  };
}
