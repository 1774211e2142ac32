import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../db/backups';
import { DatabaseDamagedError, openDatabase } from '../../../db/openDatabase';
import { tempDir } from '../../helpers/tempDir';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function freshDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.path;
}

describe('openDatabase', () => {
  it('migrates a fresh file and applies the pragmas of the design', () => {
    const { sqlite, close } = openDatabase(join(freshDir(), 'w.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    // A small page cache for the database and for send.start's TEMP tables alike.
    sqlite.exec('create temp table staged (id integer)');
    expect(sqlite.pragma('cache_size', { simple: true })).toBe(-4000);
    expect(sqlite.pragma('temp.cache_size', { simple: true })).toBe(-4000);
    const tables = (
      sqlite.prepare("select name from sqlite_master where type='table'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    for (const table of [
      'mailings',
      'images',
      'selections',
      'contacts',
      'suppression',
      'sends',
      'send_jobs',
      'events',
      'credit_ledger',
      'settings',
    ]) {
      expect(tables).toContain(table);
    }
    close();
  });

  it('opens an existing database again without re-running migrations', () => {
    const file = join(freshDir(), 'w.sqlite');
    const first = openDatabase(file);
    first.sqlite.prepare("insert into settings(key, value, updated_at) values ('k', '1', 0)").run();
    first.close();
    const second = openDatabase(file);
    expect(second.sqlite.prepare("select value from settings where key='k'").get()).toEqual({
      value: '1',
    });
    second.close();
  });

  it('refuses send_jobs twice for one mailing and address', () => {
    const { sqlite, close } = openDatabase(join(freshDir(), 'w.sqlite'));
    sqlite.exec(`insert into mailings(id,type,document,created_at,updated_at,content_changed_at) values ('m','newsletter','{}',0,0,0);
      insert into sends(id,mailing_id,idempotency_key,state,created_at) values ('s','m','k','running',0);`);
    const insert = sqlite.prepare(
      "insert or ignore into send_jobs(send_id,mailing_id,email,normalized_email,recipient_id,message_id,state,updated_at) values ('s','m',?,?,?,?, 'queued', 0)",
    );
    expect(insert.run('A@x.nl', 'a@x.nl', 'r1', '<1@x>').changes).toBe(1);
    expect(insert.run('a@x.nl', 'a@x.nl', 'r2', '<2@x>').changes).toBe(0);
    close();
  });

  it('gives a clear error for a damaged file', () => {
    const file = join(freshDir(), 'w.sqlite');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0xff)]),
    );
    expect(() => openDatabase(file)).toThrow(DatabaseDamagedError);
  });
});

describe('backups', () => {
  it('makes one backup a day and keeps seven', async () => {
    const dir = freshDir();
    const { sqlite, close } = openDatabase(join(dir, 'w.sqlite'));
    const backupDir = join(dir, 'backups');
    const day = 24 * 60 * 60 * 1000;
    const start = Date.UTC(2026, 0, 1, 12);
    expect(await backupIfDue(sqlite, backupDir, start)).not.toBeNull();
    expect(await backupIfDue(sqlite, backupDir, start + 1000)).toBeNull();
    for (let i = 1; i < 10; i += 1) await backupIfDue(sqlite, backupDir, start + i * day);
    const kept = listBackups(backupDir);
    expect(kept).toHaveLength(7);
    expect(kept[0]?.day).toBe('2026-01-10');
    const restored = openDatabase(kept[0]!.file);
    expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();
    close();
  });
});
