import type Database from 'better-sqlite3';
import { MIGRATIONS_TABLE, migrationSql, planMigrations, TRACKER_MIGRATIONS } from './index';
import type { TrackerMigration } from './dialect';

/**
 * Brings a SQLite tracker database up to date in one immediate transaction (all or nothing).
 * user_version follows the newest migration, so a tracker from before the numbered list still
 * refuses a database that is newer than it.
 */
export function migrateSqlite(
  db: Database.Database,
  list: readonly TrackerMigration[] = TRACKER_MIGRATIONS,
  now: () => number = Date.now,
): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE);
    const applied = db.prepare('select id from tracker_migrations').pluck().all() as number[];
    const legacyVersion = db.pragma('user_version', { simple: true }) as number;
    const plan = planMigrations(applied, legacyVersion, list);
    const record = db.prepare(
      'insert into tracker_migrations (id, name, applied_at) values (?, ?, ?)',
    );
    for (const migration of plan.adopt) record.run(migration.id, migration.name, now());
    for (const migration of plan.pending) {
      db.exec(migrationSql(migration, 'sqlite'));
      record.run(migration.id, migration.name, now());
    }
    if (legacyVersion !== plan.version) db.pragma(`user_version = ${plan.version}`);
  }).immediate();
}
