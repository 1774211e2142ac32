import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { INT8_AS_NUMBER } from '../../../tracker/store/postgresDriver';
import { migratePostgres } from '../../../tracker/store/migrations/postgresMigrator';
import { migrateSqlite } from '../../../tracker/store/migrations/sqliteMigrator';
import { tempDir } from '../../helpers/tempDir';
import { withPostgres } from './helpers/postgresSetup';
import { defineMigrationSuite } from './migrationsSuite';

defineMigrationSuite('SQLite', async () => {
  const dir = tempDir('winkelpost-tracker-migrations-');
  const db = new Database(join(dir.path, 'tracker.sqlite'));
  db.pragma('foreign_keys = ON');
  return {
    dialect: 'sqlite',
    exec: async (sql) => void db.exec(sql),
    all: async <T>(sql: string, params: unknown[] = []) => {
      const statement = db.prepare(sql);
      return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
    },
    tables: async () =>
      db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[],
    migrate: async (list) => migrateSqlite(db, list),
    legacyVersion: async () => db.pragma('user_version', { simple: true }) as number,
    setLegacyVersion: async (version) => void db.pragma(`user_version = ${version}`),
    close: async () => {
      db.close();
      dir.remove();
    },
  };
});

withPostgres((cluster) =>
  defineMigrationSuite('PostgreSQL', async () => {
    const pool = new pg.Pool({
      connectionString: await cluster().createDatabase(),
      types: INT8_AS_NUMBER,
    });
    let n = 0;
    const numbered = (sql: string) => sql.replace(/\?/g, () => `$${(n += 1)}`);
    return {
      dialect: 'postgres',
      exec: async (sql) => void (await pool.query(sql)),
      all: async <T>(sql: string, params: unknown[] = []) => {
        n = 0;
        return (await pool.query(numbered(sql), params)).rows as T[];
      },
      tables: async () =>
        (
          await pool.query<{ name: string }>(
            'select table_name as name from information_schema.tables where table_schema = current_schema()',
          )
        ).rows.map((r) => r.name),
      migrate: (list) => migratePostgres(pool, list),
      legacyVersion: async () =>
        (await pool.query<{ version: number }>('select version from tracker_schema')).rows[0]
          ?.version ?? 0,
      setLegacyVersion: async (version) => {
        await pool.query('create table if not exists tracker_schema (version integer not null)');
        await pool.query('delete from tracker_schema');
        await pool.query('insert into tracker_schema values ($1)', [version]);
      },
      close: () => pool.end(),
    };
  }),
);
