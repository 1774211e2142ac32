import { initial } from './0001_initial';
import { confirmationsLoginLimits } from './0002_confirmations_login_limits';
import { DIALECTS, type DialectSql, type TrackerMigration } from './dialect';

export type { TrackerMigration } from './dialect';

/** The tracker's schema, step by step; a new step gets the next number at the end. */
export const TRACKER_MIGRATIONS: readonly TrackerMigration[] = [initial, confirmationsLoginLimits];

/** Which migrations ran, and when (ms); created before any migration runs. */
export const MIGRATIONS_TABLE = `create table if not exists tracker_migrations (
  id integer primary key,
  name text not null,
  applied_at bigint not null
)`;

export function migrationSql(migration: TrackerMigration, dialect: DialectSql['dialect']): string {
  return migration.up(DIALECTS[dialect]);
}

export interface MigrationPlan {
  /**
   * Migrations a database from before the numbered list already has (its old schema version):
   * recorded as applied without running them again.
   */
  adopt: TrackerMigration[];
  pending: TrackerMigration[];
  /** The newest migration id once the plan ran (the old version marker is set to it). */
  version: number;
}

/**
 * What to do at start, from the ids already recorded and, for a database without any record,
 * its old schema version (SQLite user_version, PostgreSQL tracker_schema; 0 for a new database).
 * A database that has a migration this tracker does not know was made by a newer tracker.
 */
export function planMigrations(
  applied: readonly number[],
  legacyVersion: number,
  list: readonly TrackerMigration[] = TRACKER_MIGRATIONS,
): MigrationPlan {
  const known = new Set(list.map((m) => m.id));
  const newest = list.at(-1)?.id ?? 0;
  const unknown = applied.filter((id) => !known.has(id));
  const oldSchemaTooNew = applied.length === 0 && legacyVersion > newest;
  if (unknown.length > 0 || oldSchemaTooNew) {
    const theirs = Math.max(legacyVersion, ...applied);
    throw new Error(
      `Tracker database is newer (v${theirs}) than this tracker (v${newest}): start the newer tracker.`,
    );
  }
  const done = new Set(applied);
  const adopt =
    applied.length === 0 ? list.filter((m) => m.id <= legacyVersion && !done.has(m.id)) : [];
  for (const m of adopt) done.add(m.id);
  return { adopt, pending: list.filter((m) => !done.has(m.id)), version: newest };
}
