import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { holdFileLock, type FileLock } from '../../tracker/fileLock';

export type DataDirLock = FileLock;

const LOCK_FILE = 'instance.lock';

/**
 * One instance per data folder (DESIGN.md, Browser mode), taken before anything opens the
 * database or starts the queue (see holdFileLock: the OS drops it however the process ends).
 * Returns null when another process holds it.
 */
export function lockDataDir(dataDir: string): DataDirLock | null {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return holdFileLock(join(dataDir, LOCK_FILE));
}
