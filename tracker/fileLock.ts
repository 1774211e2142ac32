import Database from 'better-sqlite3';

export interface FileLock {
  release(): void;
}

/**
 * An exclusive lock on the file at `path` (created when missing), or null when another process
 * holds it. It is SQLite's own file lock held by an open transaction: the operating system drops
 * it when the process ends in any way (also SIGKILL or a power cut), so there is never a stale
 * lock to clean up or a process id to check, and it works the same on Linux, Windows and macOS.
 * Keep the returned lock referenced: once collected, its connection and its lock may go too.
 */
export function holdFileLock(path: string): FileLock | null {
  // timeout 0: a lock held elsewhere answers SQLITE_BUSY at once instead of after 5 s.
  const db = new Database(path, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('COMMIT');
      db.close();
    },
  };
}
