import type Database from 'better-sqlite3';
import {
  messageIdDomain,
  recipientIdsFrom,
  RECIPIENT_ID_LENGTH,
  reserveOrders,
} from './sortableIds';

/** One range of staged recipients turned into jobs. */
export interface JobsRange {
  sendId: string;
  mailingId: string;
  senderEmail: string;
  now: number;
  /** Staged seq: after < seq <= until. */
  after: number;
  until: number;
}

/**
 * The recipient id (what the tracker sees) and the Message-ID, made inside SQLite per row as the
 * jobs are written, and fixed there so a retry reuses them. Both lead with the statement's block
 * of ordered values (sortableIds.reserveOrders) plus the row's place in its range, so they rise
 * and their indexes grow at the end. The recipient ids come made in one piece per statement
 * (recipientIdsFrom: a blob, so each cut is by byte offset); the Message-ID's random part is
 * SQLite's randomblob. A JavaScript function per row and id cost a fifth of writing the jobs
 * each (130 of 680 ms CPU at 100,000).
 */
const RECIPIENT_ID_SQL = `cast(substr(@recipientIds, (s.seq - @after - 1) * ${RECIPIENT_ID_LENGTH} + 1,
  ${RECIPIENT_ID_LENGTH}) as text)`;
const MESSAGE_ID_SQL = `printf('<%012x%s@%s>', @firstOrder + s.seq - @after - 1,
  lower(hex(randomblob(10))), @domain)`;

/**
 * A new send's jobs, written straight from a staging table of recipients (recipientsStaging.ts)
 * and the contacts table: INSERT … SELECT, the contact's data copied as stored, never parsed.
 * UNIQUE(mailing_id, normalized_email): an address that already has a job for this mailing keeps
 * it (and its Message-ID); only a job a cancelled send never sent ('skipped') moves over (the
 * rule of JobStore.enqueue). One statement per send, prepared once.
 */
export class NewJobsStore {
  private readonly insert: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    stagingTable: string,
  ) {
    this.insert = sqlite.prepare(
      `insert into send_jobs
         (send_id, mailing_id, contact_id, email, normalized_email, recipient_id, message_id, data,
          state, updated_at)
       select @sendId, @mailingId, c.id, c.email, c.normalized_email, ${RECIPIENT_ID_SQL},
         ${MESSAGE_ID_SQL}, c.data, 'queued', @now
       from ${stagingTable} s join contacts c on c.id = s.contact_id
       where s.state = 'recipient' and s.seq > @after and s.seq <= @until
       order by s.seq
       on conflict (mailing_id, normalized_email) do update set
         send_id = excluded.send_id, contact_id = excluded.contact_id, email = excluded.email,
         data = excluded.data, state = 'queued', attempts = 0, next_at = null, last_error = null,
         updated_at = excluded.updated_at
       where send_jobs.state = 'skipped'`,
    );
  }

  /** Writes the range's jobs; returns how many jobs the send got. */
  insertRange(range: JobsRange): number {
    const { senderEmail, ...rest } = range;
    const count = range.until - range.after;
    const firstOrder = reserveOrders(count);
    return this.insert.run({
      ...rest,
      firstOrder,
      recipientIds: recipientIdsFrom(firstOrder, count),
      domain: messageIdDomain(senderEmail),
    }).changes;
  }

  /**
   * Copies the WAL's pages into the database now, as far as no reader needs them (PASSIVE);
   * returns how many pages the WAL held (0 without a WAL).
   */
  checkpoint(): number {
    const [result] = this.sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return Math.max(0, result?.log ?? 0);
  }

  /** The WAL's size in pages at which a commit checkpoints by itself (0: never). */
  autoCheckpointPages(): number {
    return Number(this.sqlite.pragma('wal_autocheckpoint', { simple: true }));
  }
}
