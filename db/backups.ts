import type Database from 'better-sqlite3';
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BACKUPS_KEPT = 7;
const PATTERN = /^winkelpost-(\d{4}-\d{2}-\d{2})\.sqlite$/;

export interface BackupInfo {
  file: string;
  day: string;
  size: number;
}

function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function listBackups(backupDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: PATTERN.exec(name) }))
    .filter((n): n is { name: string; match: RegExpExecArray } => n.match !== null)
    .map(({ name, match }) => {
      const file = join(backupDir, name);
      return { file, day: match[1] as string, size: statSync(file).size };
    })
    .sort((a, b) => b.day.localeCompare(a.day));
}

/**
 * One online backup per calendar day (db.backup() is safe while the app writes), keeping the
 * newest seven. Returns the new file, or null when today's backup already exists.
 */
export async function backupIfDue(
  sqlite: Database.Database,
  backupDir: string,
  now: number,
): Promise<string | null> {
  // Owner only, like the data folder: a backup holds every customer (see privateFiles.ts).
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const target = join(backupDir, `winkelpost-${dayOf(now)}.sqlite`);
  if (listBackups(backupDir).some((b) => b.file === target)) return null;
  await sqlite.backup(target);
  chmodSync(target, 0o600);
  for (const old of listBackups(backupDir).slice(BACKUPS_KEPT)) rmSync(old.file, { force: true });
  return target;
}
