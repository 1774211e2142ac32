import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

/** Raised when the file exists but SQLite finds it damaged: the app shows this and offers a backup. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The database ${file} is damaged (${detail}). Restore it from a backup.`);
    this.name = 'DatabaseDamagedError';
  }
}

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export const PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 'FULL',
  foreign_keys: 'ON',
  busy_timeout: 5000,
  /**
   * SQLite's page cache per schema (main and temp), in KiB: 4 MB instead of better-sqlite3's
   * 16 MB. A send of 100,000 filled both to the brim (reading every contact, writing every job,
   * the staging table), 25 MB of the app's peak RSS; the operating system's file cache serves
   * the rest, and send.start's CPU did not move measurably (docs/DEVELOPING.md, Sending).
   */
  cache_size: -4000,
} as const;

/**
 * The one writer connection: pragmas of DESIGN.md, integrity check, then every pending migration
 * (drizzle runs them in one transaction).
 */
export function openDatabase(file: string, migrationsFolder = MIGRATIONS_FOLDER): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new DatabaseDamagedError(file, String((error as Error).message));
  }
  try {
    applyPragmas(sqlite);
    checkIntegrity(sqlite, file);
    const db = drizzle(sqlite, { schema }) as Db;
    migrate(db, { migrationsFolder });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    if (error instanceof DatabaseDamagedError) throw error;
    if (/malformed|not a database|corrupt/i.test(String((error as Error).message))) {
      throw new DatabaseDamagedError(file, (error as Error).message);
    }
    throw error;
  }
}

function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma(`journal_mode = ${PRAGMAS.journal_mode}`);
  sqlite.pragma(`synchronous = ${PRAGMAS.synchronous}`);
  sqlite.pragma(`foreign_keys = ${PRAGMAS.foreign_keys}`);
  sqlite.pragma(`busy_timeout = ${PRAGMAS.busy_timeout}`);
  sqlite.pragma(`cache_size = ${PRAGMAS.cache_size}`);
  sqlite.pragma(`temp.cache_size = ${PRAGMAS.cache_size}`);
}

function checkIntegrity(sqlite: Database.Database, file: string): void {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const result = rows.map((r) => r.integrity_check).join('; ');
  if (result !== 'ok') throw new DatabaseDamagedError(file, result);
}
