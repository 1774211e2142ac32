import { closeSync, fdatasync, openSync, realpathSync, statSync } from 'node:fs';
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
  const handle = new WalHandle(walPath);
  const durably: DurableWrite = (write) => {
    if (!wal) return { result: write(), onDisk: Promise.resolve() };
    const result = lightly(write);
    return { result, onDisk: syncWal(handle, sqlite) };
  };
  closeWhenCollected.register(durably, handle);
  return durably;
}

/**
 * The WAL's file descriptor, opened once and kept: a sync is then one trip to the thread pool
 * instead of three (open, fdatasync, close), and the send queue pays one per group commit.
 * SQLite keeps the WAL file while the connection is open (a checkpoint rewinds it in place);
 * should the path name another file all the same (its inode changed), it is opened again.
 */
class WalHandle {
  private fd: number | null = null;
  private inode = -1;

  constructor(private readonly path: string) {}

  current(): number {
    const inode = statSync(this.path).ino;
    if (this.fd === null || inode !== this.inode) {
      this.close();
      // 'r+': Windows flushes only a handle opened for writing; nothing is written or truncated.
      this.fd = openSync(this.path, 'r+');
      this.inode = inode;
    }
    return this.fd;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** A store that is gone (its app closed) gives its descriptor back. */
const closeWhenCollected = new FinalizationRegistry<WalHandle>((handle) => {
  try {
    handle.close();
  } catch {
    // Already closed with the process's descriptors: nothing to give back.
  }
});

async function syncWal(handle: WalHandle, sqlite: Database.Database): Promise<void> {
  try {
    const fd = handle.current();
    await new Promise<void>((resolve, reject) =>
      fdatasync(fd, (error) => (error ? reject(error) : resolve())),
    );
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
 * The level is set with `exec`, not a prepared statement: SQLite applies `pragma synchronous = x`
 * while preparing it, so a statement prepared ahead changes the connection at once and running
 * it later is not reliable. `exec` is also cheaper than `sqlite.pragma()` (no statement object).
 */
export function cacheOnlyWrite(sqlite: Database.Database): <T>(write: () => T) => T {
  const current = sqlite.prepare('pragma synchronous').pluck();
  return (write) => {
    const previous = Number(current.get());
    sqlite.exec('pragma synchronous = NORMAL');
    try {
      return write();
    } finally {
      sqlite.exec(`pragma synchronous = ${previous}`);
    }
  };
}
