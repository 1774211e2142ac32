import type Database from 'better-sqlite3';

/**
 * The statistics aggregates follow inserts into `events` by trigger (migration 0003), but nothing
 * follows a delete. After undoing a bounce event, set the recipient's bounce or complaint back to
 * what the remaining events say; the update trigger on stats_recipients corrects the totals.
 */
export function retractRecipientStats(
  sqlite: Database.Database,
  mailingId: string,
  recipientId: string,
): void {
  const bounce = sqlite
    .prepare(
      `select kind, at, detail from events where mailing_id = ? and recipient_id = ?
       and kind in ('bounce_hard', 'bounce_soft') order by (kind = 'bounce_hard') desc, at asc limit 1`,
    )
    .get(mailingId, recipientId) as { kind: string; at: number; detail: string } | undefined;
  const complaint = sqlite
    .prepare(
      `select min(at) as at from events where mailing_id = ? and recipient_id = ? and kind = 'complaint'`,
    )
    .get(mailingId, recipientId) as { at: number | null };
  sqlite
    .prepare(
      `update stats_recipients set bounce = ?, bounce_at = ?, bounce_detail = ?, complained_at = ?
       where mailing_id = ? and recipient_id = ?`,
    )
    .run(
      bounce ? (bounce.kind === 'bounce_hard' ? 'hard' : 'soft') : null,
      bounce?.at ?? null,
      bounce?.detail ?? null,
      complaint.at,
      mailingId,
      recipientId,
    );
}
