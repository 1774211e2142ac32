import type Database from 'better-sqlite3';
import { emailHash } from '../suppression/email';
import { selectionStoreOf, type SuppressionEntry } from './selectionStore';

export type { SuppressionEntry } from './selectionStore';

/** The suppression list as the lookup needs it (also sent to the import worker). */
export function suppressionEntries(sqlite: Database.Database): SuppressionEntry[] {
  return selectionStoreOf(sqlite).suppressionEntries();
}

/**
 * Fast "is this address suppressed, and why" for a whole file or mailing: one query, then map
 * look-ups. Hashes are only computed when the list holds erased people (kept by hash alone).
 */
export function suppressedLookup(
  sqlite: Database.Database,
): (normalizedEmail: string) => string | undefined {
  return lookupIn(suppressionEntries(sqlite));
}

export function lookupIn(
  entries: SuppressionEntry[],
): (normalizedEmail: string) => string | undefined {
  const byEmail = new Map<string, string>();
  const byHash = new Map<string, string>();
  for (const row of entries) {
    if (row.email !== null) byEmail.set(row.email, row.reason);
    else byHash.set(row.hash, row.reason);
  }
  return (normalizedEmail) =>
    byEmail.get(normalizedEmail) ??
    (byHash.size > 0 ? byHash.get(emailHash(normalizedEmail)) : undefined);
}
