import { realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/** Runs a write now and tells when it is on the disk. */
export type DurableWrite = <T>(write: () => T) => { result: T; onDisk: Promise<void> };

/**
 * A commit whose disk sync runs off the main thread. With `synchronous=FULL` every commit waits
 * for an fsync of the WAL on the main thread (3 ms or more per commit on a slow disk), and the
 * send queue's socket answers wait with it. Here the write commits with `synchronous=NORMAL`
 * (in the operating system's cache, safe against the app crashing) and the WAL is then synced
 * by libuv's thread pool; the caller awaits `onDisk` before acting on the write (sending the
 * claimed mails), so after a power cut the same holds as with FULL: no mail left without its
 * claim on disk. Any later FULL commit syncs the same WAL too.
 *
 * Where there is no WAL file (an in-memory database, another journal mode) the write simply
 * runs with the connection's own setting and is on disk when it returns.
 */
export function deferredDiskSync(sqlite: Database.Database): DurableWrite {
  // SQLite puts the WAL beside the database's real file, also when it was opened through a link.
  const walPath = sqlite.memory ? '' : `${realpathSync(sqlite.name)}-wal`;
  const usesWal = () =>
    !sqlite.memory && String(sqlite.pragma('journal_mode', { simple: true })) === 'wal';
  const wal = usesWal();
  const lightly = cacheOnlyWrite(sqlite);
  return (write) => {
    if (!wal) return { result: write(), onDisk: Promise.resolve() };
    const result = lightly(write);
    return { result, onDisk: syncWal(walPath, sqlite) };
  };
}

async function syncWal(walPath: string, sqlite: Database.Database): Promise<void> {
  try {
    // 'r+': Windows flushes only a handle opened for writing; nothing is written or truncated.
    const file = await open(walPath, 'r+');
    try {
      await file.datasync();
    } finally {
      await file.close();
    }
  } catch {
    // The WAL could not be synced from here (an odd file system, a handle refused): a FULL
    // checkpoint copies the whole WAL into the database file and syncs it. If even that cannot
    // finish, the caller must not act on the write: throwing stops the send with its claimed
    // jobs still 'sending', which a restart turns into 'uncertain', never into a second mail.
    const [result] = sqlite.pragma('wal_checkpoint(FULL)') as { busy: number }[];
    if (!result || result.busy !== 0) throw new Error('the claim could not be written to disk');
  }
}

/**
 * A commit with `synchronous=NORMAL` and no sync of its own: safe against the app crashing, and
 * on disk with the next synced commit. For writes whose loss in a power cut is harmless.
 */
export function cacheOnlyWrite(sqlite: Database.Database): <T>(write: () => T) => T {
  return (write) => {
    const previous = sqlite.pragma('synchronous', { simple: true }) as number;
    sqlite.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      sqlite.pragma(`synchronous = ${previous}`);
    }
  };
}
