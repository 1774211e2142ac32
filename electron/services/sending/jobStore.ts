import type Database from 'better-sqlite3';
import { cacheOnlyWrite, deferredDiskSync, type DurableWrite } from '../../../db/deferredDiskSync';
import { emailHash } from '../suppression/email';

/** One recipient of a send as the queue hands it to the message source. */
export interface ClaimedJob {
  id: number;
  sendId: string;
  mailingId: string;
  contactId: number | null;
  email: string;
  normalizedEmail: string;
  recipientId: string;
  messageId: string;
  data: Record<string, unknown>;
  attempts: number;
}

/**
 * Where a send's run stands in its jobs, which it claims in memory: the queued jobs up to
 * `after` are its own, and `held` are the retry jobs it took and has not yet marked or finished.
 */
export interface ClaimCursor {
  after: number;
  held: Set<number>;
}

const NONE: readonly number[] = [];

export interface NewJob {
  contactId: number | null;
  email: string;
  normalizedEmail: string;
  recipientId: string;
  messageId: string;
  data: Record<string, unknown>;
}

export type JobState =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'retry'
  | 'bounced_hard'
  | 'bounced_soft'
  | 'failed'
  | 'suppressed'
  | 'skipped'
  | 'uncertain';

export type JobCounts = Record<JobState, number>;

export interface UncertainJob {
  id: number;
  email: string;
  name: string;
  /** When its message was handed to the mail server. */
  at: number | null;
}

export interface JobResult {
  id: number;
  /** uncertain: its connection broke after the data went, before the server's answer. */
  state: 'sent' | 'retry' | 'bounced_hard' | 'bounced_soft' | 'failed' | 'uncertain';
  /** For retry: when to try again. */
  nextAt?: number;
  error?: string;
}

/** Rows per enqueue statement: 9 parameters each, far below SQLite's limit of 32,766. */
export const ENQUEUE_CHUNK = 200;
const ENQUEUE_COLUMNS = 9;

/**
 * An address already in a job of this mailing keeps that job (and its Message-ID); only a job a
 * cancelled send never sent ('skipped') moves over to the new send.
 */
function enqueueSql(rows: number): string {
  const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)");
  return `insert into send_jobs
      (send_id, mailing_id, contact_id, email, normalized_email, recipient_id, message_id, data, state, updated_at)
    values ${values.join(', ')}
    on conflict (mailing_id, normalized_email) do update set
      send_id = excluded.send_id, contact_id = excluded.contact_id, email = excluded.email,
      data = excluded.data, state = 'queued', attempts = 0, next_at = null, last_error = null,
      updated_at = excluded.updated_at
    where send_jobs.state = 'skipped'`;
}

const CLAIM_COLUMNS = `id, send_id, mailing_id, contact_id, email, normalized_email, recipient_id,
  message_id, data, attempts`;

interface ClaimRow {
  id: number;
  send_id: string;
  mailing_id: string;
  contact_id: number | null;
  email: string;
  normalized_email: string;
  recipient_id: string;
  message_id: string;
  data: string;
  attempts: number;
}

/**
 * The send_jobs table on the hot path: prepared statements, each batch in one transaction.
 * Job states (DESIGN.md, Sending): queued → sending → sent | retry(next_at) | bounced_hard |
 * bounced_soft | failed | suppressed | skipped, and uncertain for one that was in flight when the
 * app died. A job becomes 'sending' with its wire mark (the queue claims jobs in memory), so a
 * message costs two writes: the mark and the outcome.
 */
export class JobStore {
  private readonly s;
  /** The hot path's transactions, wrapped once (better-sqlite3 builds a wrapper per call). */
  private readonly tx;

  /** Outcomes and suppressed jobs: safe against a crash of the app, synced with the next wire mark. */
  private readonly lightly: <T>(write: () => T) => T;

  constructor(
    private readonly sqlite: Database.Database,
    /** How a wire mark reaches the disk: by default its sync runs off the main thread. */
    private readonly durably: DurableWrite = deferredDiskSync(sqlite),
  ) {
    this.lightly = cacheOnlyWrite(sqlite);
    this.s = {
      enqueueOne: sqlite.prepare(enqueueSql(1)),
      enqueueChunk: sqlite.prepare(enqueueSql(ENQUEUE_CHUNK)),
      // Two searches on (send_id, state), each already in id order: one query with an OR over the
      // states would read every job of the send and sort them, on each claim.
      // Queued jobs after the last one this run took: those before it are its own, in memory.
      queuedCandidates: sqlite.prepare(
        `select ${CLAIM_COLUMNS} from send_jobs
         where send_id = ? and state = 'queued' and id > ? order by id limit ?`,
      ),
      retryCandidates: sqlite.prepare(
        `select ${CLAIM_COLUMNS} from send_jobs
         where send_id = ? and state = 'retry' and next_at <= ? order by id limit ?`,
      ),
      suppressionHit: sqlite.prepare('select 1 from suppression where email_hash = ?'),
      // The claim and the wire mark in one: a job cancelled or skipped meanwhile changes not.
      markOnWire: sqlite.prepare(
        `update send_jobs set state = 'sending', attempts = attempts + 1, wire_at = ?, updated_at = ?
         where id = ? and state in ('queued', 'retry')`,
      ),
      markSuppressed: sqlite.prepare(
        `update send_jobs set state = 'suppressed', last_error = 'suppressed', updated_at = ? where id = ?`,
      ),
      markSent: sqlite.prepare(
        `update send_jobs set state = 'sent', sent_at = ?, last_error = null, next_at = null, updated_at = ?
         where id = ? and state = 'sending'`,
      ),
      // A job that failed before its wire mark (building it, opening a connection) is still
      // 'queued' or 'retry': its outcome is written all the same and counts as an attempt.
      markRetry: sqlite.prepare(
        `update send_jobs set state = 'retry', next_at = ?, last_error = ?, updated_at = ?,
           attempts = attempts + (state <> 'sending')
         where id = ? and state in ('sending', 'queued', 'retry')`,
      ),
      markFinal: sqlite.prepare(
        `update send_jobs set state = ?, last_error = ?, next_at = null, updated_at = ?,
           attempts = attempts + (state <> 'sending')
         where id = ? and state in ('sending', 'queued', 'retry')`,
      ),
      counts: sqlite.prepare(
        'select state, count(*) as n from send_jobs where send_id = ? group by state',
      ),
      nextRetryAt: sqlite.prepare(
        `select min(next_at) as at from send_jobs where send_id = ? and state = 'retry'`,
      ),
      sendingToUncertain: sqlite.prepare(
        `update send_jobs set state = 'uncertain', last_error = 'on its way when the app stopped', updated_at = ?
         where state = 'sending' and wire_at is not null`,
      ),
      // Claimed but never handed to a connection: the claim did not count as an attempt.
      sendingToQueued: sqlite.prepare(
        `update send_jobs set state = 'queued', attempts = max(attempts - 1, 0), next_at = null, updated_at = ?
         where state = 'sending' and wire_at is null`,
      ),
      uncertainOf: sqlite.prepare(
        `select id, email, coalesce(json_extract(data, '$.naam'), '') as name, wire_at as at
         from send_jobs where send_id = ? and state = 'uncertain' order by id`,
      ),
      uncertainToNotSent: sqlite.prepare(
        `update send_jobs set state = 'skipped', last_error = 'marked not sent', next_at = null, updated_at = ?
         where send_id = ? and state = 'uncertain'`,
      ),
      uncertainToQueued: sqlite.prepare(
        `update send_jobs set state = 'queued', next_at = null, updated_at = ?
         where send_id = ? and state = 'uncertain'`,
      ),
      skipOpen: sqlite.prepare(
        `update send_jobs set state = 'skipped', last_error = 'cancelled', next_at = null, updated_at = ?
         where send_id = ? and state in ('queued', 'retry')`,
      ),
      emailOf: sqlite.prepare('select email from send_jobs where id = ?'),
      sentSince: sqlite.prepare('select count(*) as n from send_jobs where sent_at >= ?'),
    };
    this.tx = {
      recordAndMark: sqlite.transaction(
        (results: readonly JobResult[], onWire: readonly number[], now: number) => {
          this.recordRows(results, now);
          let notDue: number[] | undefined;
          for (const id of onWire) {
            if (this.s.markOnWire.run(now, now, id).changes === 0) (notDue ??= []).push(id);
          }
          return notDue ?? NONE;
        },
      ),
      record: sqlite.transaction((results: readonly JobResult[], now: number) =>
        this.recordRows(results, now),
      ),
      suppress: sqlite.transaction((ids: readonly number[], now: number) => {
        for (const id of ids) this.s.markSuppressed.run(now, id);
      }),
    };
  }

  /**
   * One job per recipient, UNIQUE(mailing_id, normalized_email): an address that already has a job
   * for this mailing is never queued twice (the INSERT-OR-IGNORE rule, with the one exception in
   * enqueueSql). The jobs are read one by one from `jobs` and written ENQUEUE_CHUNK rows per
   * statement, so a send of 100,000 never holds all its jobs as objects.
   */
  enqueue(sendId: string, mailingId: string, jobs: Iterable<NewJob>, now: number): number {
    let added = 0;
    this.sqlite.transaction(() => {
      const params: unknown[] = [];
      let rows = 0;
      for (const job of jobs) {
        params.push(
          sendId,
          mailingId,
          job.contactId,
          job.email,
          job.normalizedEmail,
          job.recipientId,
          job.messageId,
          JSON.stringify(job.data),
          now,
        );
        rows += 1;
        if (rows === ENQUEUE_CHUNK) {
          added += this.s.enqueueChunk.run(params).changes;
          params.length = 0;
          rows = 0;
        }
      }
      for (let i = 0; i < params.length; i += ENQUEUE_COLUMNS) {
        added += this.s.enqueueOne.run(params.slice(i, i + ENQUEUE_COLUMNS)).changes;
      }
    })();
    return added;
  }

  /**
   * Up to `limit` due jobs, oldest first, for the caller to hold in memory: a claim writes
   * nothing, since a job not yet on the wire is still 'queued' (or 'retry') after a crash anyway.
   * Its state changes only with its wire mark. `cursor` keeps the caller's place among the queued
   * jobs (those up to it are the caller's already); `held` are the retry jobs it holds. The one
   * suppression list is asked again here: someone who unsubscribed after the send started is not
   * mailed (their job is marked 'suppressed' at once).
   */
  claim(sendId: string, now: number, limit: number, cursor: ClaimCursor): ClaimedJob[] {
    const rows = this.s.queuedCandidates.all(sendId, cursor.after, limit) as ClaimRow[];
    const retry = (
      this.s.retryCandidates.all(sendId, now, limit + cursor.held.size) as ClaimRow[]
    ).filter((row) => !cursor.held.has(row.id));
    if (retry.length > 0) {
      for (const row of retry) cursor.held.add(row.id);
      // Oldest job first, whichever state it waits in; what is left over is read again later.
      rows.push(...retry);
      rows.sort((a, b) => a.id - b.id);
      for (const row of rows.splice(limit)) cursor.held.delete(row.id);
    }
    for (const row of rows) if (!cursor.held.has(row.id)) cursor.after = row.id;
    const claimed: ClaimedJob[] = [];
    let suppressed: number[] | undefined;
    for (const row of rows) {
      if (this.s.suppressionHit.get(emailHash(row.normalized_email)) !== undefined) {
        (suppressed ??= []).push(row.id);
        continue;
      }
      claimed.push({
        id: row.id,
        sendId: row.send_id,
        mailingId: row.mailing_id,
        contactId: row.contact_id,
        email: row.email,
        normalizedEmail: row.normalized_email,
        recipientId: row.recipient_id,
        messageId: row.message_id,
        data: JSON.parse(row.data) as Record<string, unknown>,
        attempts: row.attempts + 1,
      });
    }
    if (suppressed) {
      this.lightly(() => this.tx.suppress(suppressed, now));
      for (const id of suppressed) cursor.held.delete(id);
    }
    return claimed;
  }

  /**
   * One group commit: the outcomes known so far and the wire marks of the jobs about to be handed
   * to a connection, each mark also the job's claim ('sending', one more attempt). Their messages
   * may go once `onDisk` resolves; `notDue` are the jobs whose mark was refused, because they
   * are no longer queued (the send was cancelled meanwhile): theirs must not go. Writing the
   * outcomes in the same commit keeps the marked jobs without an outcome on disk to the messages
   * on their way.
   */
  recordAndMarkOnWire(
    results: readonly JobResult[],
    onWire: readonly number[],
    now: number,
  ): { notDue: readonly number[]; onDisk: Promise<void> } {
    const { result, onDisk } = this.durably(() => this.tx.recordAndMark(results, onWire, now));
    return { notDue: result, onDisk };
  }

  /**
   * Records a batch of outcomes in one transaction (only jobs still 'sending', or still waiting
   * for a job that failed before its mark, change).
   */
  record(results: readonly JobResult[], now: number): void {
    if (results.length === 0) return;
    this.lightly(() => this.tx.record(results, now));
  }

  private recordRows(results: readonly JobResult[], now: number): void {
    for (const r of results) {
      if (r.state === 'sent') this.s.markSent.run(now, now, r.id);
      else if (r.state === 'retry')
        this.s.markRetry.run(r.nextAt ?? now, r.error ?? null, now, r.id);
      else this.s.markFinal.run(r.state, r.error ?? null, now, r.id);
    }
  }

  counts(sendId: string): JobCounts {
    const counts: JobCounts = {
      queued: 0,
      sending: 0,
      sent: 0,
      retry: 0,
      bounced_hard: 0,
      bounced_soft: 0,
      failed: 0,
      suppressed: 0,
      skipped: 0,
      uncertain: 0,
    };
    for (const row of this.s.counts.all(sendId) as { state: JobState; n: number }[]) {
      counts[row.state] = row.n;
    }
    return counts;
  }

  nextRetryAt(sendId: string): number | null {
    return (this.s.nextRetryAt.get(sendId) as { at: number | null }).at;
  }

  /**
   * On start-up: a job whose message was on its way when the app died may or may not have been
   * delivered ('uncertain'); one only claimed, rendered or waiting for a connection never left
   * and goes back to 'queued'.
   */
  recoverInFlight(now: number): { uncertain: number; requeued: number } {
    return this.sqlite.transaction(() => ({
      uncertain: this.s.sendingToUncertain.run(now).changes,
      requeued: this.s.sendingToQueued.run(now).changes,
    }))();
  }

  /** The addresses the shop must decide about, with the moment each went on its way. */
  uncertainJobs(sendId: string): UncertainJob[] {
    return this.s.uncertainOf.all(sendId) as UncertainJob[];
  }

  /** "Niet verstuurd": the shop says these never arrived; they are not charged. */
  markUncertainNotSent(sendId: string, now: number): number {
    return this.s.uncertainToNotSent.run(now, sendId).changes;
  }

  /** "Opnieuw proberen": back in the queue with the Message-ID they already had. */
  requeueUncertain(sendId: string, now: number): number {
    return this.s.uncertainToQueued.run(now, sendId).changes;
  }

  skipOpenJobs(sendId: string, now: number): number {
    return this.s.skipOpen.run(now, sendId).changes;
  }

  /** Mails the server accepted at or after `since` (all sends): what the hourly limit counts. */
  sentSince(since: number): number {
    return (this.s.sentSince.get(since) as { n: number }).n;
  }

  emailOf(jobId: number): string | undefined {
    return (this.s.emailOf.get(jobId) as { email: string } | undefined)?.email;
  }
}
