import {
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
} from 'node:fs';
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

/** WAL frames written and frames copied into the database file, from the WAL index (-shm). */
function walFrames(realPath: string) {
  const shm = readFileSync(`${realPath}-shm`);
  return { written: shm.readUInt32LE(16), copied: shm.readUInt32LE(96) };
}

describe('deferredDiskSync', () => {
  it('syncs the WAL beside the real file of a database opened through a link', async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    mkdirSync(join(dir.path, 'real'));
    mkdirSync(join(dir.path, 'link'));
    const real = join(dir.path, 'real', 'w.sqlite');
    new Database(real).close();
    symlinkSync(real, join(dir.path, 'link', 'w.sqlite'));
    const db = openDatabase(join(dir.path, 'link', 'w.sqlite'));
    cleanups.unshift(() => db.close());
    db.sqlite.exec('create table t (n integer)');
    const { onDisk } = deferredDiskSync(db.sqlite)(() =>
      db.sqlite.prepare('insert into t values (1)').run(),
    );
    await onDisk;
    // Synced in place: no checkpoint (the fallback) had to copy the frames into the file.
    const frames = walFrames(real);
    expect(frames.written).toBeGreaterThan(frames.copied);
  });

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

  it('syncs through one kept descriptor of the WAL, also after a checkpoint rewound it', async () => {
    const { sqlite, path } = walDatabase();
    const durably = deferredDiskSync(sqlite);
    const walDescriptors = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === `${realpathSync(path)}-wal`;
        } catch {
          return false;
        }
      }).length;
    const before = walDescriptors();
    for (let i = 0; i < 20; i += 1) {
      const { onDisk } = durably(() => sqlite.prepare('insert into t values (?)').run(i));
      await onDisk;
      if (i === 10) sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    // SQLite's own descriptor plus exactly one of ours, however many syncs.
    expect(walDescriptors()).toBe(before + 1);
    const frames = walFrames(realpathSync(path));
    expect(frames.written).toBeGreaterThan(frames.copied);
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
