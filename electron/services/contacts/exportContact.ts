import type { ContactExportT } from '../../contract/contacts';
import type { SuppressionEntryViewT } from '../../contract/suppression';
import type { AppContext } from '../core/appContext';
import { emailHash, normalizeEmail } from '../suppression/email';
import { personDataOf } from './personDataStore';

/** Everything held about one address, for the customer who asks (AVG: right of access). */
export function exportContact(context: AppContext, email: string): ContactExportT {
  const normalized = normalizeEmail(email);
  const rows = personDataOf(context.database.sqlite).exportRows(normalized, emailHash(email));
  return {
    email: normalized,
    exportedAt: context.clock.now(),
    selections: rows.selections,
    suppression: (context.suppression.get(email) as SuppressionEntryViewT | undefined) ?? null,
    softBounces: rows.softBounces,
    resubscribeRequests: rows.resubscribeRequests,
    sendJobs: rows.sendJobs,
    events: rows.events,
    bounces: rows.bounces,
  };
}
