import type Database from 'better-sqlite3';
import { cacheOnlyWrite } from '../../../db/deferredDiskSync';
import { pooledRandomBytes } from '../../../tracker/randomPool';
import { Turns } from '../core/turns';
import { newMessageId } from '../render';
import type { StagedRecipients } from '../selections/recipientsStaging';

/** Jobs written per statement: a few milliseconds, then the event loop gets a turn. */
export const JOBS_PER_STATEMENT = 500;

const withIdFunctions = new WeakSet<Database.Database>();

/**
 * The recipient id (what the tracker sees) and the Message-ID, made inside SQLite per row as the
 * jobs are written, and fixed there so a retry reuses them.
 */
function installIdFunctions(sqlite: Database.Database): void {
  if (withIdFunctions.has(sqlite)) return;
  sqlite.function('winkelpost_recipient_id', { deterministic: false }, () =>
    pooledRandomBytes(12).toString('base64url'),
  );
  sqlite.function('winkelpost_message_id', { deterministic: false }, (senderEmail: unknown) =>
    newMessageId(String(senderEmail)),
  );
  withIdFunctions.add(sqlite);
}

/**
 * One job per staged recipient, written straight from the contacts table (INSERT … SELECT: the
 * contact's data is copied as stored, never parsed), JOBS_PER_STATEMENT at a time with turns of
 * the event loop between them, so a send of 100,000 holds no jobs in memory and never holds the
 * loop. UNIQUE(mailing_id, normalized_email): an address that already has a job for this mailing
 * keeps it (and its Message-ID); only a job a cancelled send never sent ('skipped') moves over
 * (the rule of JobStore.enqueue). Returns how many jobs the send got.
 */
export async function insertJobs(
  sqlite: Database.Database,
  staged: StagedRecipients,
  job: { sendId: string; mailingId: string; senderEmail: string; now: number },
): Promise<number> {
  installIdFunctions(sqlite);
  const insert = sqlite.prepare(
    `insert into send_jobs
       (send_id, mailing_id, contact_id, email, normalized_email, recipient_id, message_id, data,
        state, updated_at)
     select @sendId, @mailingId, c.id, c.email, c.normalized_email, winkelpost_recipient_id(),
       winkelpost_message_id(@senderEmail), c.data, 'queued', @now
     from ${staged.table} s join contacts c on c.id = s.contact_id
     where s.state = 'recipient' and s.seq > @after and s.seq <= @until
     order by s.seq
     on conflict (mailing_id, normalized_email) do update set
       send_id = excluded.send_id, contact_id = excluded.contact_id, email = excluded.email,
       data = excluded.data, state = 'queued', attempts = 0, next_at = null, last_error = null,
       updated_at = excluded.updated_at
     where send_jobs.state = 'skipped'`,
  );
  // Each chunk commits to the operating system's cache only: the transaction that makes the
  // send ready (synchronous=FULL) syncs them all before any of these jobs can be claimed.
  const lightly = cacheOnlyWrite(sqlite);
  const last = staged.lastSeq();
  const turns = new Turns();
  let added = 0;
  for (let after = 0; after < last; after += JOBS_PER_STATEMENT) {
    const range = { ...job, after, until: after + JOBS_PER_STATEMENT };
    added += lightly(() => insert.run(range)).changes;
    await turns.pause();
  }
  return added;
}
