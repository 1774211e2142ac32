import pg from 'pg';
import { rowPlaceholders, type SqlDriver, type SqlExecutor, type SqlValue } from './sqlDriver';
import { migratePostgres } from './migrations/postgresMigrator';

/** int8 (timestamps in ms, sequence numbers, counts) as JS numbers: all stay far below 2^53. */
export const INT8_AS_NUMBER = {
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

/** 100 rows per statement: far fewer round trips, and 100 × 10 values stays under the parameter limit. */
const ROWS_PER_INSERT = 100;

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
    insertMany: async (head: string, rows: SqlValue[][], tail = '') => {
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + ROWS_PER_INSERT);
        const row = rowPlaceholders(chunk[0]!.length);
        await client.query(
          numbered(`${head} values ${chunk.map(() => row).join(', ')} ${tail}`),
          chunk.flat(),
        );
      }
    },
  };
}

export async function openPostgresDriver(connectionString: string): Promise<SqlDriver> {
  const pool = new pg.Pool({ connectionString, max: 10, types: INT8_AS_NUMBER });
  // An idle client losing its connection must not crash the tracker; the next query reconnects.
  pool.on('error', () => undefined);
  await migratePostgres(pool);
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
