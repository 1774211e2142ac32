import { openPostgresDriver } from './postgresDriver';
import { createSqlStore } from './sqlStore';
import { openSqliteDriver, type SqliteDriverOptions } from './sqliteDriver';
import type { TrackerStore } from './types';

export function openSqliteStore(path: string, options?: SqliteDriverOptions): TrackerStore {
  return createSqlStore(openSqliteDriver(path, options));
}

export async function openPostgresStore(connectionString: string): Promise<TrackerStore> {
  return createSqlStore(await openPostgresDriver(connectionString));
}

/** PostgreSQL when a DATABASE_URL is given, otherwise the SQLite file. */
export async function openStore(
  options: { databaseUrl?: string; sqlitePath: string } & SqliteDriverOptions,
): Promise<TrackerStore> {
  return options.databaseUrl
    ? openPostgresStore(options.databaseUrl)
    : openSqliteStore(options.sqlitePath, options);
}
