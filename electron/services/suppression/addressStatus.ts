import type { AddressStatusT, SuppressionEntryViewT } from '../../contract/suppression';
import type { AppContext } from '../core/appContext';
import { personDataOf } from '../contacts/personDataStore';
import { normalizeEmail } from './email';
import { resubscribeStoreOf } from './resubscribeStore';

/** Everything the "Opnieuw inschrijven" page shows about one address. */
export function addressStatus(context: AppContext, email: string): AddressStatusT {
  const sqlite = context.database.sqlite;
  const normalized = normalizeEmail(email);
  const entry = context.suppression.get(email) as SuppressionEntryViewT | undefined;
  return {
    email: normalized,
    suppression: entry ?? null,
    softBounces: context.suppression.softBounceCount(email),
    resubscribe: resubscribeStoreOf(sqlite).latest(normalized) ?? null,
    selections: personDataOf(sqlite).selectionsWith(normalized),
    canLift: entry?.reason === 'soft_bounce',
    canResubscribe: entry !== undefined,
  };
}

/** The suppression list, newest first, optionally filtered by part of an address. */
export function listSuppression(
  context: AppContext,
  input: { query: string; limit: number; offset: number },
): { total: number; entries: SuppressionEntryViewT[] } {
  const filter = input.query.trim().toLowerCase();
  const { total, entries } = context.suppression.list(filter, input.limit, input.offset);
  return { total, entries: entries as SuppressionEntryViewT[] };
}
