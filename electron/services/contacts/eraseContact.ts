import type { AppContext } from '../core/appContext';
import { backupDir } from '../desktop/backupRestore';
import { outboxDir } from '../sending/transport';
import { eraseFromBackups } from './eraseBackups';
import { compactDatabaseFile, eraseFromDatabase, type DatabaseErasure } from './eraseFromDatabase';
import { removeOutboxMails } from './eraseOutbox';

/**
 * Removes one person everywhere in the data folder (AVG: right to erasure): the database (and the
 * free space in its file and -wal), the outbox mails naming them, and every backup. Only the hash
 * stays in the suppression list, so the person is never mailed again.
 */
export function eraseContact(
  context: AppContext,
  email: string,
  keepBlocked: boolean,
): DatabaseErasure {
  const result = eraseFromDatabase(
    context.database.sqlite,
    context.suppression,
    email,
    keepBlocked,
  );
  if (!compactDatabaseFile(context.database.sqlite)) {
    context.logger.warn(
      'erase: the database file could not be rewritten now; free pages may hold traces',
    );
  }
  const outbox = removeOutboxMails(outboxDir(context.dataDir), email);
  const backups = eraseFromBackups(
    backupDir(context.dataDir),
    email,
    keepBlocked,
    () => context.clock.now(),
    context.logger,
  );
  context.logger.info('contact erased', { outboxMails: outbox.length, ...backups });
  return result;
}
