import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteDriver } from '../../../tracker/store/sqliteDriver';
import {
  startWalCheckpointer,
  type CheckpointResult,
} from '../../../tracker/store/walCheckpointer';
import { tempDir } from '../../helpers/tempDir';

/** SQLite's checkpoints (copying the log back, with an fsync) in a thread of their own. */
describe('WAL checkpoints off the request thread', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  beforeEach(() => {
    dir = tempDir('winkelpost-tracker-wal-');
    path = join(dir.path, 'tracker.sqlite');
  });
  afterEach(() => dir.remove());

  it('copies what this connection wrote back into the database file from the thread', async () => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('create table t (x blob)');
    const insert = db.prepare('insert into t values (?)');
    for (let i = 0; i < 200; i += 1) insert.run(Buffer.alloc(4000, i));
    const copied = new Promise<CheckpointResult>((resolve, reject) => {
      const checkpointer = startWalCheckpointer({
        path,
        intervalMs: 10,
        onFailure: reject,
        onCheckpoint: (result) => void checkpointer.stop().then(() => resolve(result)),
      });
    });
    const result = await copied;
    // Every page this connection left in the log (200 rows of 4 KB and the table) was copied.
    expect(result.checkpointed).toBe(result.log);
    expect(result.log).toBeGreaterThan(200);
    db.close();
  });

  it('says so when the thread cannot work, so the connection checkpoints again itself', async () => {
    const failure = await new Promise<unknown>((resolve) => {
      startWalCheckpointer({ path: join(dir.path, 'missing.sqlite'), onFailure: resolve });
    });
    expect(failure).toMatchObject({ code: 'SQLITE_CANTOPEN' });
  });

  it('is what a serving tracker’s driver uses: automatic checkpoints off, the thread ends on close', async () => {
    const driver = openSqliteDriver(path, { backgroundCheckpoints: true });
    expect(await driver.all('pragma wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
    await driver.close();
    const plain = openSqliteDriver(path);
    expect(await plain.all('pragma wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 1000 }]);
    await plain.close();
  });
});
