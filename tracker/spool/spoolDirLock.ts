import { mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdFileLock } from '../fileLock';

const LOCK_FILE = 'tracker.lock';
/** Beside the lock: who holds it, for the message of a tracker that finds it taken. */
const OWNER_FILE = 'tracker.lock.pid';

export type SpoolDirLock =
  | {
      ok: true;
      release(): void;
      /** Drops the lock and its files, then the folder when nothing else is in it (true then). */
      releaseAndRemove(): boolean;
    }
  | { ok: false; message: string; holder: string };

/**
 * One tracker per spool folder: its ingester stores and deletes every closed segment there, so a
 * second tracker given the same TRACKER_SPOOL_DIR would take the first one's events. The lock
 * (holdFileLock) is dropped by the OS however the process ends, SIGKILL too, so a lock left by a
 * dead tracker is never in the way and no pid needs checking. The owner's pid is written beside
 * it only to name the holder in the message.
 */
export function lockSpoolDir(dir: string): SpoolDirLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = holdFileLock(join(dir, LOCK_FILE));
  if (!lock) {
    const holder = holderOf(dir);
    return {
      ok: false,
      holder,
      message:
        `the event spool folder ${dir} is in use by another tracker${holder}; ` +
        `give each tracker its own TRACKER_SPOOL_DIR`,
    };
  }
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
  return {
    ok: true,
    release: () => lock.release(),
    releaseAndRemove() {
      // Unlinked while still held where the OS allows it: a tracker that locks the folder
      // meanwhile makes a lock file of its own, which keeps the folder (rmdir needs it empty).
      const files = [OWNER_FILE, LOCK_FILE].map((name) => join(dir, name));
      const left = files.filter((file) => !unlinkIfThere(file));
      lock.release();
      left.forEach(unlinkIfThere);
      try {
        rmdirSync(dir);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** ` (process <pid>)` of the tracker holding the folder, or '' while it is just starting. */
function holderOf(dir: string): string {
  try {
    return ` (process ${readFileSync(join(dir, OWNER_FILE), 'utf8').trim()})`;
  } catch {
    // Written just after the lock is taken: the other tracker is starting this very moment.
    return '';
  }
}

/** True once the file is gone (removed now, or not there). */
function unlinkIfThere(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
