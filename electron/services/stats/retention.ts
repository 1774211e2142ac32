import type Database from 'better-sqlite3';
import { DAY } from '../core/clock';

/** Details per contact are kept this long after sending; the totals stay for ever. */
export const DETAILS_RETENTION_MS = 91 * DAY;

/**
 * Removes who-did-what from the statistics of mailings sent more than three months ago: the
 * per-recipient rows go and events lose their recipient id. Aggregates are untouched (no delete
 * triggers), so the figures stay the same.
 */
export function anonymiseExpiredDetails(sqlite: Database.Database, now: number): number {
  const cutoff = now - DETAILS_RETENTION_MS;
  const due = sqlite
    .prepare(
      `select m.id from mailings m left join stats_mailings s on s.mailing_id = m.id
       where m.sent_at is not null and m.sent_at < ? and s.anonymised_at is null`,
    )
    .pluck()
    .all(cutoff) as string[];
  if (due.length === 0) return 0;
  const statements = {
    ensure: sqlite.prepare(
      'insert into stats_mailings (mailing_id) values (?) on conflict (mailing_id) do nothing',
    ),
    recipients: sqlite.prepare('delete from stats_recipients where mailing_id = ?'),
    links: sqlite.prepare('delete from stats_link_recipients where mailing_id = ?'),
    events: sqlite.prepare(
      'update events set recipient_id = null where mailing_id = ? and recipient_id is not null',
    ),
    mark: sqlite.prepare('update stats_mailings set anonymised_at = ? where mailing_id = ?'),
  };
  sqlite.transaction(() => {
    for (const mailingId of due) {
      statements.ensure.run(mailingId);
      statements.recipients.run(mailingId);
      statements.links.run(mailingId);
      statements.events.run(mailingId);
      statements.mark.run(now, mailingId);
    }
  })();
  return due.length;
}
