import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../db/openDatabase';
import { JobStore } from '../../../electron/services/sending/jobStore';
import { tempDir } from '../../helpers/tempDir';

/**
 * A JobStore on a fresh database file with every migration; `cleanUp` (in afterEach) closes and
 * removes it. Only send_jobs is under test: no sends or mailings rows to point at.
 */
export function jobStoreRig(cleanUps: (() => void)[]): {
  jobs: JobStore;
  sqlite: Database.Database;
} {
  const dir = tempDir();
  const { sqlite, close } = openDatabase(join(dir.path, 'w.sqlite'));
  cleanUps.push(() => {
    close();
    dir.remove();
  });
  sqlite.pragma('foreign_keys = OFF');
  return { jobs: new JobStore(sqlite), sqlite };
}
