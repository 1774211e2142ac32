import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface DataDirLock {
  release(): void;
}

const LOCK_FILE = 'instance.lock';

/**
 * One instance per data folder (DESIGN.md, Browser mode), taken before anything opens the
 * database or starts the queue. The lock is SQLite's own exclusive file lock on a small file
 * beside the database, held by an open transaction: the operating system drops it when the
 * process ends in any way (also SIGKILL or a power cut), so there is never a stale lock to clean
 * up or a process id to check, and it works the same on Windows and macOS.
 * Returns null when another process holds it.
 */
export function lockDataDir(dataDir: string): DataDirLock | null {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // timeout 0: a lock held elsewhere answers SQLITE_BUSY at once instead of after 5 s.
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
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
