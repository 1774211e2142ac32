import type pg from 'pg';
import { MIGRATIONS_TABLE, migrationSql, planMigrations, TRACKER_MIGRATIONS } from './index';
import type { TrackerMigration } from './dialect';

/** Held for the transaction: two trackers starting at once must not both migrate. */
const MIGRATION_LOCK = 7707001;

/**
 * Brings a PostgreSQL tracker database up to date in one transaction (all or nothing). The old
 * version table `tracker_schema` follows the newest migration, so a tracker from before the
 * numbered list still refuses a database that is newer than it.
 */
export async function migratePostgres(
  pool: pg.Pool,
  list: readonly TrackerMigration[] = TRACKER_MIGRATIONS,
  now: () => number = Date.now,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    await client.query('create table if not exists tracker_schema (version integer not null)');
    const applied = (await client.query<{ id: number }>('select id from tracker_migrations')).rows;
    const legacy = (await client.query<{ version: number }>('select version from tracker_schema'))
      .rows[0];
    const plan = planMigrations(
      applied.map((row) => row.id),
      legacy?.version ?? 0,
      list,
    );
    const record = (migration: TrackerMigration) =>
      client.query('insert into tracker_migrations (id, name, applied_at) values ($1, $2, $3)', [
        migration.id,
        migration.name,
        now(),
      ]);
    for (const migration of plan.adopt) await record(migration);
    for (const migration of plan.pending) {
      await client.query(migrationSql(migration, 'postgres'));
      await record(migration);
    }
    if (!legacy) await client.query('insert into tracker_schema values ($1)', [plan.version]);
    else if (legacy.version !== plan.version)
      await client.query('update tracker_schema set version = $1', [plan.version]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
