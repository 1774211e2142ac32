import type { ContactExportT } from '../../contract/contacts';
import type { SuppressionEntryViewT } from '../../contract/suppression';
import type { AppContext } from '../core/appContext';
import { emailHash, normalizeEmail } from '../suppression/email';

const parse = (json: string) => JSON.parse(json) as Record<string, string>;

/** Everything held about one address, for the customer who asks (AVG: right of access). */
export function exportContact(context: AppContext, email: string): ContactExportT {
  const sqlite = context.database.sqlite;
  const normalized = normalizeEmail(email);
  const hash = emailHash(email);
  const selections = sqlite
    .prepare(
      `select s.id as selectionId, s.description, s.created_at as createdAt,
              s.consent_confirmed_at as consentConfirmedAt, c.row_number as rowNumber, c.data
       from contacts c join selections s on s.id = c.selection_id
       where c.normalized_email = ? order by s.created_at, c.row_number`,
    )
    .all(normalized) as (Omit<ContactExportT['selections'][number], 'data'> & { data: string })[];
  const sendJobs = sqlite
    .prepare(
      `select j.mailing_id as mailingId, coalesce(m.subject, '') as subject, j.state,
              j.sent_at as sentAt, j.data
       from send_jobs j left join mailings m on m.id = j.mailing_id
       where j.normalized_email = ? order by j.id`,
    )
    .all(normalized) as (Omit<ContactExportT['sendJobs'][number], 'data'> & { data: string })[];
  const events = sqlite
    .prepare(
      `select mailing_id as mailingId, kind, at from events where recipient_id in
         (select recipient_id from send_jobs where normalized_email = ?) order by at`,
    )
    .all(normalized) as ContactExportT['events'];
  const bounces = sqlite
    .prepare(
      `select kind, processed_at as processedAt, status, reason from bounce_messages
       where email = ? order by processed_at`,
    )
    .all(normalized) as ContactExportT['bounces'];
  const softBounces = sqlite
    .prepare(
      `select count, last_at as lastAt, last_reason as lastReason from soft_bounces
       where email_hash = ?`,
    )
    .get(hash) as ContactExportT['softBounces'] | undefined;
  const resubscribeRequests = sqlite
    .prepare(
      `select requested_at as requestedAt, confirmed_at as confirmedAt from resubscribe_requests
       where normalized_email = ? order by requested_at`,
    )
    .all(normalized) as ContactExportT['resubscribeRequests'];
  return {
    email: normalized,
    exportedAt: context.clock.now(),
    selections: selections.map((s) => ({ ...s, data: parse(s.data) })),
    suppression: (context.suppression.get(email) as SuppressionEntryViewT | undefined) ?? null,
    softBounces: softBounces ?? null,
    resubscribeRequests,
    sendJobs: sendJobs.map((j) => ({ ...j, data: parse(j.data) })),
    events,
    bounces,
  };
}
