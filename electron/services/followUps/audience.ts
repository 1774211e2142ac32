import type Database from 'better-sqlite3';

/**
 * The recipients of the original who may get its second chance: their mail was accepted, and
 * they neither opened it nor clicked as a person. Machine opens and clicks (Apple's privacy proxy,
 * link scanners) are stored apart (machine_opens, machine_clicks) and do not count as interest.
 * Anyone who unsubscribed, complained or bounced through this mailing is left out here; the
 * suppression list, which resolveRecipients applies, covers the same since any mailing.
 */
export function nonOpeners(sqlite: Database.Database, originalMailingId: string): Set<string> {
  const rows = sqlite
    .prepare(
      `select j.normalized_email as email from send_jobs j
       where j.mailing_id = ? and j.state = 'sent'
         and not exists (
           select 1 from stats_recipients r
           where r.mailing_id = j.mailing_id and r.recipient_id = j.recipient_id
             and (r.opened_at is not null or r.opens > 0 or r.clicks > 0
                  or r.unsubscribed_at is not null or r.complained_at is not null
                  or r.bounce is not null))`,
    )
    .pluck()
    .all(originalMailingId) as string[];
  return new Set(rows);
}

function originalOf(sqlite: Database.Database, mailingId: string): string | undefined {
  return sqlite
    .prepare('select original_mailing_id from follow_ups where follow_up_mailing_id = ?')
    .pluck()
    .get(mailingId) as string | undefined;
}

export function isFollowUpMailing(sqlite: Database.Database, mailingId: string): boolean {
  return originalOf(sqlite, mailingId) !== undefined;
}

/** For a follow-up's own mailing, the addresses it may go to; null for any other mailing. */
export function followUpAudience(sqlite: Database.Database, mailingId: string): Set<string> | null {
  const original = originalOf(sqlite, mailingId);
  return original === undefined ? null : nonOpeners(sqlite, original);
}
