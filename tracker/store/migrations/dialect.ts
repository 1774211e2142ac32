/**
 * What differs between the tracker's two dialects in a migration's DDL. A migration writes its
 * SQL once against these words, or branches on `dialect` where the two really differ.
 */
export interface DialectSql {
  dialect: 'sqlite' | 'postgres';
  /** Milliseconds and other numbers that may pass 2^31. */
  int8: string;
  bytes: string;
  /** An ever-growing integer key (ledger ids, event sequence numbers). */
  serialKey: string;
}

export const DIALECTS: Record<DialectSql['dialect'], DialectSql> = {
  sqlite: {
    dialect: 'sqlite',
    int8: 'integer',
    bytes: 'blob',
    serialKey: 'integer primary key autoincrement',
  },
  postgres: {
    dialect: 'postgres',
    int8: 'bigint',
    bytes: 'bytea',
    serialKey: 'bigserial primary key',
  },
};

/** One numbered step of the tracker's schema. Never change a migration once released. */
export interface TrackerMigration {
  id: number;
  name: string;
  up(sql: DialectSql): string;
}
