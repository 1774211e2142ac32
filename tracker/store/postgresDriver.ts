import pg from 'pg';
import type { SqlDriver, SqlExecutor, SqlValue } from './sqlDriver';
import { POSTGRES_SCHEMA, POSTGRES_SCHEMA_VERSION } from './postgresSchema';

/** int8 (timestamps in ms, sequence numbers, counts) as JS numbers: all stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** `?` placeholders to PostgreSQL's `$n` (the store's SQL has no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

function executorFor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: SqlValue[] = []) =>
      (await client.query(numbered(sql), params)).rows as T[],
    run: async (sql: string, params: SqlValue[] = []) =>
      (await client.query(numbered(sql), params)).rowCount ?? 0,
    allArrays: async (sql: string, params: SqlValue[] = []) =>
      (await client.query({ text: numbered(sql), values: params, rowMode: 'array' }))
        .rows as unknown[][],
  };
}

export async function openPostgresDriver(connectionString: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, max: 10, types });
  // An idle client losing its connection must not crash the tracker; the next query reconnects.
  pool.on('error', () => undefined);
  await migrate(pool);
  const direct = executorFor(pool);
  return {
    ...direct,
    transaction: async (fn, options) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        if (options?.relaxed) await client.query('set local synchronous_commit = off');
        const value = await fn(executorFor(client));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // Two trackers starting at once must not both create the schema.
    await client.query('select pg_advisory_xact_lock(7707001)');
    await client.query(POSTGRES_SCHEMA);
    const { rows } = await client.query<{ version: number }>('select version from tracker_schema');
    const version = rows[0]?.version ?? 0;
    if (version > POSTGRES_SCHEMA_VERSION) {
      throw new Error(
        `Tracker database is newer (v${version}) than this tracker (v${POSTGRES_SCHEMA_VERSION}).`,
      );
    }
    if (rows.length === 0)
      await client.query('insert into tracker_schema values ($1)', [POSTGRES_SCHEMA_VERSION]);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
