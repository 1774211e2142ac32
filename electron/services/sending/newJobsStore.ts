import type Database from 'better-sqlite3';
import { sortableMessageId, sortableRecipientId } from './sortableIds';

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

const withIdFunctions = new WeakSet<Database.Database>();

/**
 * The recipient id (what the tracker sees) and the Message-ID, made inside SQLite per row as the
 * jobs are written, and fixed there so a retry reuses them. Both rise in the order they are made
 * (sortableIds.ts), so the two indexes on them grow at their end.
 */
function installIdFunctions(sqlite: Database.Database): void {
  if (withIdFunctions.has(sqlite)) return;
  sqlite.function('winkelpost_recipient_id', { deterministic: false }, sortableRecipientId);
  sqlite.function('winkelpost_message_id', { deterministic: false }, (senderEmail: unknown) =>
    sortableMessageId(String(senderEmail)),
  );
  withIdFunctions.add(sqlite);
}

/**
 * A new send's jobs, written straight from a staging table of recipients (recipientsStaging.ts)
 * and the contacts table: INSERT … SELECT, the contact's data copied as stored, never parsed.
 * UNIQUE(mailing_id, normalized_email): an address that already has a job for this mailing keeps
 * it (and its Message-ID); only a job a cancelled send never sent ('skipped') moves over (the
 * rule of JobStore.enqueue). One statement per send, prepared once.
 */
export class NewJobsStore {
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database, stagingTable: string) {
    installIdFunctions(sqlite);
    this.insert = sqlite.prepare(
      `insert into send_jobs
         (send_id, mailing_id, contact_id, email, normalized_email, recipient_id, message_id, data,
          state, updated_at)
       select @sendId, @mailingId, c.id, c.email, c.normalized_email, winkelpost_recipient_id(),
         winkelpost_message_id(@senderEmail), c.data, 'queued', @now
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
    return this.insert.run(range).changes;
  }
}
