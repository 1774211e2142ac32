import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/logger';
import { SuppressionStore } from '../suppression/suppressionStore';
import { eraseFromDatabase } from './eraseFromDatabase';
import { personDataOf } from './personDataStore';

/**
 * Erasure reaches the backups too: each database file in the backups folder (the daily ones and the
 * copies kept before a restore) is erased the same way and rewritten (VACUUM, rollback journal, so
 * no -wal with old pages stays behind). A file that cannot be rewritten (damaged, or from a schema
 * this version cannot change) is removed: keeping the person in it is not allowed.
 */
export function eraseFromBackups(
  dir: string,
  email: string,
  keepBlocked: boolean,
  now: () => number,
  logger: Logger,
): { rewritten: number; removed: number } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { rewritten: 0, removed: 0 };
  }
  let rewritten = 0;
  let removed = 0;
  for (const name of names.filter((n) => n.endsWith('.sqlite'))) {
    const file = join(dir, name);
    try {
      rewriteWithout(file, email, keepBlocked, now);
      rewritten += 1;
    } catch (error) {
      logger.warn(`backup ${name} could not be erased; removed instead`, error);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
      removed += 1;
    }
  }
  return { rewritten, removed };
}

function rewriteWithout(
  file: string,
  email: string,
  keepBlocked: boolean,
  now: () => number,
): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    const store = personDataOf(db);
    store.useRollbackJournal();
    eraseFromDatabase(db, new SuppressionStore(db, now), email, keepBlocked);
    store.vacuum();
  } finally {
    db.close();
  }
}
