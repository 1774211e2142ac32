import type Database from 'better-sqlite3';
import { DomainError, ERROR_CODES } from '../../contract';

/**
 * May the shop's database be replaced by a backup made at `backupCreatedAt`? Never while a send
 * runs or waits, and never when mails went out after the backup: the older database would not
 * know about them and could mail those customers a second time.
 */
export function restoreRefusal(
  current: Database.Database,
  backupCreatedAt: number,
): DomainError | null {
  const active = current
    .prepare(`SELECT count(*) AS n FROM sends WHERE state IN ('running', 'scheduled')`)
    .get() as { n: number };
  if (active.n > 0) {
    return new DomainError(
      ERROR_CODES.conflict,
      'A send is running or scheduled; restore after it has finished or been cancelled',
      'desktop:errors.restoreDuringSend',
    );
  }
  const latest = current
    .prepare(
      `SELECT max(t) AS t FROM (
         SELECT max(created_at) AS t FROM sends
         UNION ALL SELECT max(updated_at) FROM send_jobs)`,
    )
    .get() as { t: number | null };
  if (latest.t !== null && latest.t > backupCreatedAt) {
    return new DomainError(
      ERROR_CODES.conflict,
      'Mail was sent after this backup was made; restoring it could send those mails again',
      'desktop:errors.restoreAfterSend',
    );
  }
  return null;
}
