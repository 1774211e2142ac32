import { openPostgresDriver } from './postgresDriver';
import { createSqlStore } from './sqlStore';
import { openSqliteDriver } from './sqliteDriver';
import type { TrackerStore } from './types';

export function openSqliteStore(path: string): TrackerStore {
  return createSqlStore(openSqliteDriver(path));
}

export async function openPostgresStore(connectionString: string): Promise<TrackerStore> {
  return createSqlStore(await openPostgresDriver(connectionString));
}

/** PostgreSQL when a DATABASE_URL is given, otherwise the SQLite file. */
export async function openStore(options: {
  databaseUrl?: string;
  sqlitePath: string;
}): Promise<TrackerStore> {
  return options.databaseUrl
    ? openPostgresStore(options.databaseUrl)
    : openSqliteStore(options.sqlitePath);
}
