import type Database from 'better-sqlite3';
import { emailHash, normalizeEmail } from '../suppression/email';
import type { SuppressionStore } from '../suppression/suppressionStore';
import { personDataOf } from './personDataStore';

/** What replaces an erased address in the send history: the same for one person, not reversible. */
export function erasedMarker(email: string): string {
  return `gewist:${emailHash(email)}`;
}

export interface DatabaseErasure {
  contactsRemoved: number;
  sendJobsAnonymised: number;
  eventsAnonymised: number;
  bouncesAnonymised: number;
  blockedByHash: boolean;
}

/**
 * Removes one person from one database, in one transaction: their rows in every selection, their
 * address and variables in the send history (counts stay right, the person is gone), their bounce
 * reports and re-subscription requests. The suppression list keeps only the hash, so someone who
 * unsubscribed (or asked to be erased) is never mailed again. Runs on the live database and on
 * every backup, with secure_delete on (see PersonDataStore.withSecureDelete).
 */
export function eraseFromDatabase(
  sqlite: Database.Database,
  suppression: SuppressionStore,
  email: string,
  keepBlocked: boolean,
): DatabaseErasure {
  const store = personDataOf(sqlite);
  return store.withSecureDelete(() =>
    sqlite.transaction(() => {
      const erased = store.eraseRows(normalizeEmail(email), emailHash(email), erasedMarker(email));
      if (keepBlocked) suppression.suppress(email, 'manual', 'app', 'gewist op verzoek');
      // Only the hash stays: the address itself leaves the list.
      suppression.keepOnlyHash(email);
      return { ...erased, blockedByHash: suppression.isSuppressed(email) };
    })(),
  );
}

/**
 * Rewrites the database file so nothing removed survives in it (PersonDataStore.compactFile).
 * Returns false when that could not finish now (the caller logs it; the next erase does it again).
 */
export function compactDatabaseFile(sqlite: Database.Database): boolean {
  try {
    return personDataOf(sqlite).compactFile();
  } catch {
    // A statement still stepping (an open iterator) blocks VACUUM; the erase itself is committed.
    return false;
  }
}
