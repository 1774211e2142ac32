import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { listBackups } from '../../../db/backups';
import { DomainError, ERROR_CODES } from '../../contract';
import type { z } from 'zod';
import type { BackupEntry } from '../../contract/desktop';
import type { Logger } from '../core/logger';
import {
  carryOverSendOutcomes,
  isWinkelpostDatabase,
  mergeSuppressions,
  pauseRestoredSends,
  vacuumInto,
} from './restoreStore';

export const DATABASE_FILE = 'winkelpost.sqlite';
export const PENDING_FILE = 'restore-pending.json';
const BEFORE_RESTORE = /^winkelpost-before-restore-([\dT-]+Z)\.sqlite$/;
const SAFE_NAME = /^winkelpost-[\w.-]+\.sqlite$/;

type Entry = z.infer<typeof BackupEntry>;

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** The daily backups and the copies kept from earlier restores, newest first. */
export function listRestorable(dataDir: string): Entry[] {
  const dir = backupDir(dataDir);
  const daily: Entry[] = listBackups(dir).map((b) => ({
    id: b.file.slice(dir.length + 1),
    day: b.day,
    size: b.size,
    createdAt: Math.floor(statSync(b.file).mtimeMs),
    kind: 'daily',
  }));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  const before: Entry[] = names
    .filter((name) => BEFORE_RESTORE.test(name))
    .map((name) => {
      const stat = statSync(join(dir, name));
      return {
        id: name,
        day: new Date(stat.mtimeMs).toISOString().slice(0, 10),
        size: stat.size,
        createdAt: Math.floor(stat.mtimeMs),
        kind: 'beforeRestore',
      };
    });
  return [...daily, ...before].sort((a, b) => b.createdAt - a.createdAt);
}

export function pendingRestore(dataDir: string): string | null {
  try {
    const raw = JSON.parse(readFileSync(join(dataDir, PENDING_FILE), 'utf8')) as { id?: unknown };
    return typeof raw.id === 'string' && SAFE_NAME.test(raw.id) ? raw.id : null;
  } catch {
    return null;
  }
}

/** A backup is only offered for restore when SQLite finds it whole and it is a Winkelpost file. */
export function checkBackupFile(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    if (!isWinkelpostDatabase(db)) throw new Error('not usable');
  } catch {
    throw new DomainError(
      ERROR_CODES.conflict,
      'This backup is damaged or is not a Winkelpost database',
      'desktop:errors.backupDamaged',
    );
  } finally {
    db?.close();
  }
}

/** Marks a backup to be restored at the next start (the database cannot be swapped while open). */
export function scheduleRestore(dataDir: string, id: string, now: number): void {
  writeFileSync(join(dataDir, PENDING_FILE), JSON.stringify({ id, requestedAt: now }), {
    mode: 0o600,
  });
}

function stamp(now: number): string {
  return new Date(now)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
}

/**
 * Runs before the database is opened: keeps a copy of the current database (restorable itself),
 * then puts the chosen backup in its place. Returns the copy, or null when nothing was pending.
 */
export function applyPendingRestore(
  dataDir: string,
  now: number,
  logger: Logger,
): { safetyCopy: string | null; restored: string } | null {
  const id = pendingRestore(dataDir);
  const pendingFile = join(dataDir, PENDING_FILE);
  if (!id) {
    rmSync(pendingFile, { force: true });
    return null;
  }
  const source = join(backupDir(dataDir), id);
  if (!existsSync(source)) {
    logger.warn(`restore skipped: backup ${id} no longer exists`);
    rmSync(pendingFile, { force: true });
    return null;
  }
  const target = join(dataDir, DATABASE_FILE);
  const safetyCopy = existsSync(target) ? keepCurrent(target, dataDir, now, logger) : null;
  const incoming = `${target}.restoring`;
  copyFileSync(source, incoming);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
  renameSync(incoming, target);
  rmSync(pendingFile, { force: true });
  logger.info(`restored backup ${id}`, { safetyCopy });
  return { safetyCopy, restored: id };
}

/** A consistent copy with VACUUM INTO; if the file is too damaged for that, the raw files. */
function keepCurrent(target: string, dataDir: string, now: number, logger: Logger): string {
  const copy = join(backupDir(dataDir), `winkelpost-before-restore-${stamp(now)}.sqlite`);
  try {
    const db = new Database(target, { fileMustExist: true });
    try {
      vacuumInto(db, copy);
    } finally {
      db.close();
    }
  } catch (error) {
    logger.warn('the copy by VACUUM INTO failed; keeping the raw database files', error);
    rmSync(copy, { force: true });
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(target + suffix)) copyFileSync(target + suffix, copy + suffix);
    }
  }
  return copy;
}

/** createApp opens the database through this, so a restore chosen earlier happens first. */
export function openWithPendingRestore<T extends { sqlite: Database.Database }>(
  dataDir: string,
  now: number,
  logger: Logger,
  open: () => T,
): T {
  const restore = applyPendingRestore(dataDir, now, logger);
  const database = open();
  if (restore?.safetyCopy) {
    try {
      const kept = mergeSuppressions(database.sqlite, restore.safetyCopy);
      logger.info(`kept ${kept} newer unsubscribes and bounces after the restore`);
    } catch (error) {
      logger.warn('could not carry newer unsubscribes over after the restore', error);
    }
    try {
      const jobs = carryOverSendOutcomes(database.sqlite, restore.safetyCopy);
      logger.info(`kept ${jobs} newer mail outcomes after the restore`);
    } catch (error) {
      logger.warn('could not carry newer mail outcomes over after the restore', error);
    }
  }
  // Also without a usable safety copy (the recovery of a damaged database): nothing resends.
  if (restore) pauseRestoredSends(database.sqlite);
  return database;
}

/**
 * When the database is damaged at start: the newest backup that SQLite finds whole (daily copies
 * first, then copies kept from earlier restores), or null when there is none.
 */
export function recoveryBackup(dataDir: string): Entry | null {
  const entries = listRestorable(dataDir);
  const ordered = [
    ...entries.filter((e) => e.kind === 'daily'),
    ...entries.filter((e) => e.kind === 'beforeRestore'),
  ];
  for (const entry of ordered) {
    try {
      checkBackupFile(join(backupDir(dataDir), entry.id));
      return entry;
    } catch {
      // damaged as well: try the next one
    }
  }
  return null;
}
