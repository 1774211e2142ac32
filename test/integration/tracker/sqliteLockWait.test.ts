import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDriver } from '../../../tracker/store/sqliteDriver';
import type { SqlDriver } from '../../../tracker/store/sqlDriver';
import { tempDir } from '../../helpers/tempDir';

/**
 * Several tracker workers write one SQLite file. A worker waiting for another's write lock must
 * go on answering pixels and clicks: the wait is a timer, not SQLite's sleeping busy handler.
 */
describe('SQLite driver waiting for another process’s write lock', () => {
  let dir: ReturnType<typeof tempDir>;
  let driver: SqlDriver;
  let other: Database.Database;
  beforeEach(() => {
    dir = tempDir('winkelpost-tracker-lock-');
    const path = join(dir.path, 'tracker.sqlite');
    driver = openSqliteDriver(path);
    other = new Database(path);
  });
  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await driver.close();
    dir.remove();
  });

  it('keeps the event loop turning while the lock is taken, then writes', async () => {
    other.exec('begin immediate');
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
      // Released only after the loop has turned a few times while the write was waiting.
      if (turns === 5) other.exec('commit');
    }, 5);
    try {
      const written = driver.transaction((tx) =>
        tx.run('insert into bundles (id, name, credits, price_cents) values (?, ?, ?, ?)', [
          'b1',
          'Bundel',
          100,
          500,
        ]),
      );
      await expect(written).resolves.toBe(1);
      expect(turns).toBeGreaterThanOrEqual(5);
      expect(await driver.all('select id from bundles')).toEqual([{ id: 'b1' }]);
    } finally {
      clearInterval(ticker);
    }
  });

  it('still takes the busy timeout for statements outside a transaction', async () => {
    expect((await driver.all<{ timeout: number }>('pragma busy_timeout'))[0]).toEqual({
      timeout: 5000,
    });
  });
});
