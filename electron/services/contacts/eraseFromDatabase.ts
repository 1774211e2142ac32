import type Database from 'better-sqlite3';
import { emailHash, normalizeEmail } from '../suppression/email';
import type { SuppressionStore } from '../suppression/suppressionStore';

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
 * every backup. secure_delete makes SQLite overwrite what it removes instead of leaving it in free
 * space inside the pages.
 */
export function eraseFromDatabase(
  sqlite: Database.Database,
  suppression: SuppressionStore,
  email: string,
  keepBlocked: boolean,
): DatabaseErasure {
  const normalized = normalizeEmail(email);
  const hash = emailHash(email);
  const marker = erasedMarker(email);
  const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    return sqlite.transaction(() => {
      const bySelection = sqlite
        .prepare(
          `select selection_id as id, count(*) as n from contacts where normalized_email = ?
           group by selection_id`,
        )
        .all(normalized) as { id: string; n: number }[];
      const contactsRemoved = sqlite
        .prepare('delete from contacts where normalized_email = ?')
        .run(normalized).changes;
      const recount = sqlite.prepare('update selections set count = count - ? where id = ?');
      for (const s of bySelection) recount.run(s.n, s.id);

      const eventsAnonymised = sqlite
        .prepare(
          `update events set recipient_id = null, detail = '' where recipient_id in
             (select recipient_id from send_jobs where normalized_email = ?)`,
        )
        .run(normalized).changes;
      // A bounce's diagnostic text often quotes the address ("550 <els@…>: user unknown").
      sqlite
        .prepare(
          `update stats_recipients set bounce_detail = null where recipient_id in
             (select recipient_id from send_jobs where normalized_email = ?)`,
        )
        .run(normalized);
      sqlite
        .prepare(
          `update sends set pause_detail = replace(lower(pause_detail), ?, '')
           where instr(lower(pause_detail), ?) > 0`,
        )
        .run(normalized, normalized);
      const sendJobsAnonymised = sqlite
        .prepare(
          `update send_jobs set email = ?, normalized_email = ?, data = '{}', last_error = null
           where normalized_email = ?`,
        )
        .run(marker, marker, normalized).changes;
      const bouncesAnonymised = sqlite
        .prepare(
          `update bounce_messages set email = null, reason = '', subject = '' where email = ?`,
        )
        .run(normalized).changes;
      sqlite.prepare('delete from resubscribe_requests where normalized_email = ?').run(normalized);
      sqlite.prepare(`update soft_bounces set last_reason = '' where email_hash = ?`).run(hash);

      if (keepBlocked) suppression.suppress(normalized, 'manual', 'app', 'gewist op verzoek');
      // Only the hash stays: the address itself leaves the list.
      sqlite
        .prepare(
          `update suppression set normalized_email = null, detail = 'gewist' where email_hash = ?`,
        )
        .run(hash);
      const blockedByHash = sqlite
        .prepare('select 1 from suppression where email_hash = ?')
        .get(hash);
      return {
        contactsRemoved,
        sendJobsAnonymised,
        eventsAnonymised,
        bouncesAnonymised,
        blockedByHash: blockedByHash !== undefined,
      };
    })();
  } finally {
    sqlite.pragma(`secure_delete = ${previous}`);
  }
}

/**
 * Rewrites the database file so nothing removed survives anywhere in it: VACUUM builds every page
 * anew (free pages and old freeblocks included) and the checkpoint copies the result into the
 * file and empties the -wal, which still held the old page images. Returns false when that could
 * not finish now (the caller logs it; the next erase does it again).
 */
export function compactDatabaseFile(sqlite: Database.Database): boolean {
  try {
    sqlite.exec('VACUUM');
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result === undefined || result.busy === 0;
  } catch {
    // A statement still stepping (an open iterator) blocks VACUUM; the erase itself is committed.
    return false;
  }
}
