import type Database from 'better-sqlite3';
import { DomainError, ERROR_CODES } from '../../contract';
import { desktopStoreOf } from './desktopStore';

/**
 * May the shop's database be replaced by a backup made at `backupCreatedAt`? Never while a send
 * runs or waits, and never when mails went out after the backup: the older database would not
 * know about them and could mail those customers a second time.
 */
export function restoreRefusal(
  current: Database.Database,
  backupCreatedAt: number,
): DomainError | null {
  const store = desktopStoreOf(current);
  const { running, scheduled } = store.activeSends();
  if (running + scheduled > 0) {
    return new DomainError(
      ERROR_CODES.conflict,
      'A send is running or scheduled; restore after it has finished or been cancelled',
      'desktop:errors.restoreDuringSend',
    );
  }
  const latest = store.lastMailActivityAt();
  if (latest !== null && latest > backupCreatedAt) {
    return new DomainError(
      ERROR_CODES.conflict,
      'Mail was sent after this backup was made; restoring it could send those mails again',
      'desktop:errors.restoreAfterSend',
    );
  }
  return null;
}
