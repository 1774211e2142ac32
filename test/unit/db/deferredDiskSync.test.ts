import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { deferredDiskSync } from '../../../db/deferredDiskSync';
import { openDatabase } from '../../../db/openDatabase';
import { tempDir } from '../../helpers/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((clean) => clean()));

function walDatabase() {
  const dir = tempDir();
  const path = join(dir.path, 'w.sqlite');
  const db = openDatabase(path);
  db.sqlite.exec('create table t (n integer)');
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  return { sqlite: db.sqlite, path };
}

describe('deferredDiskSync', () => {
  it('commits at once, for every connection, and is on disk when onDisk resolves', async () => {
    const { sqlite, path } = walDatabase();
    const durably = deferredDiskSync(sqlite);
    const { result, onDisk } = durably(() => sqlite.prepare('insert into t values (1)').run());
    expect(result.changes).toBe(1);
    const other = new Database(path, { readonly: true });
    cleanups.unshift(() => other.close());
    expect(other.prepare('select count(*) from t').pluck().get()).toBe(1);
    await expect(onDisk).resolves.toBeUndefined();
  });

  it('puts synchronous=FULL back after the write, also when the write fails', () => {
    const { sqlite } = walDatabase();
    const durably = deferredDiskSync(sqlite);
    durably(() => sqlite.prepare('insert into t values (1)').run());
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(() =>
      durably(() =>
        sqlite.transaction(() => {
          sqlite.prepare('insert into t values (2)').run();
          throw new Error('refused');
        })(),
      ),
    ).toThrow('refused');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.prepare('select count(*) from t').pluck().get()).toBe(1);
  });

  it('leaves a database without a WAL file to its own setting', async () => {
    const sqlite = new Database(':memory:');
    cleanups.push(() => sqlite.close());
    sqlite.exec('create table t (n integer)');
    const before = sqlite.pragma('synchronous', { simple: true });
    const { result, onDisk } = deferredDiskSync(sqlite)(() =>
      sqlite.prepare('insert into t values (1)').run(),
    );
    expect(result.changes).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(before);
    await expect(onDisk).resolves.toBeUndefined();
  });
});
