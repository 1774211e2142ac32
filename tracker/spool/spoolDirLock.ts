import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdFileLock } from '../fileLock';

const LOCK_FILE = 'tracker.lock';
/** Beside the lock: who holds it, for the message of a tracker that finds it taken. */
const OWNER_FILE = 'tracker.lock.pid';

export type SpoolDirLock = { ok: true; release(): void } | { ok: false; message: string };

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
  if (!lock) return { ok: false, message: heldMessage(dir) };
  writeFileSync(join(dir, OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
  return { ok: true, release: () => lock.release() };
}

function heldMessage(dir: string): string {
  let owner = '';
  try {
    owner = ` (process ${readFileSync(join(dir, OWNER_FILE), 'utf8').trim()})`;
  } catch {
    // Written just after the lock is taken: the other tracker is starting this very moment.
  }
  return (
    `the event spool folder ${dir} is in use by another tracker${owner}; ` +
    `give each tracker its own TRACKER_SPOOL_DIR`
  );
}
