/**
 * The few things the SQL store needs from a database, so one implementation of the tracker's rules
 * (store/sqlStore.ts) runs on both SQLite and PostgreSQL. SQL is written with `?` placeholders.
 */
export type SqlValue = string | number | null | Buffer;

export interface SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Rows as arrays in column order: much cheaper than objects for big pages (event sync). */
  allArrays(sql: string, params?: SqlValue[]): Promise<unknown[][]>;
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /**
   * `${head} values (?, …), … ${tail}` for many rows of the same columns, in the form each
   * database takes cheapest: SQLite runs one prepared single-row statement per row (no SQL text or
   * parameter list built per batch), PostgreSQL sends up to 100 rows per statement (its cost is
   * the round trip).
   */
  insertMany(head: string, rows: SqlValue[][], tail?: string): Promise<void>;
}

/** `(?, ?, ?)` for a row of `columns` values. */
export const rowPlaceholders = (columns: number): string =>
  `(${Array<string>(columns).fill('?').join(', ')})`;

export interface SqlDriver extends SqlExecutor {
  /**
   * Runs fn in one transaction; concurrent callers never interleave inside it. `relaxed` commits
   * without waiting for the disk (SQLite synchronous=NORMAL, PostgreSQL synchronous_commit=off):
   * atomic and crash-safe for the process, but an OS crash or power cut may undo the last ones.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>, options?: { relaxed?: boolean }): Promise<T>;
  close(): Promise<void>;
}
