import type Database from 'better-sqlite3';
import { weakCache } from '../render/weakCache';
import type { BounceEffectsT, BounceItemT } from '../../contract/bounces';

/** One processed message as the bounce log reads it; `effects` is the stored JSON. */
export interface BounceRow {
  id: number;
  processedAt: number;
  receivedAt: number | null;
  kind: BounceItemT['kind'];
  email: string | null;
  jobId: number | null;
  sendId: string | null;
  mailingId: string | null;
  mailingSubject: string | null;
  matchedBy: BounceItemT['matchedBy'];
  status: string;
  reason: string;
  subject: string;
  eventId: string | null;
  effects: string;
  undoneAt: number | null;
}

/** A processed message about to be stored. */
export interface NewBounce {
  sourceHash: string;
  receivedAt: number | null;
  processedAt: number;
  kind: string;
  email: string | null;
  jobId: number | null;
  sendId: string | null;
  mailingId: string | null;
  matchedBy: string | null;
  status: string;
  reason: string;
  subject: string;
  eventId: string | null;
  effects: BounceEffectsT;
}

/** What confirming a bounce that waits for review needs of it. */
export interface ReviewRow {
  sourceHash: string;
  jobId: number | null;
  email: string | null;
  status: string;
  reason: string;
}

const SELECT = `select b.id, b.processed_at as processedAt, b.received_at as receivedAt, b.kind, b.email,
  b.job_id as jobId, b.send_id as sendId, b.mailing_id as mailingId, m.subject as mailingSubject,
  b.matched_by as matchedBy, b.status, b.reason, b.subject, b.event_id as eventId, b.effects,
  b.undone_at as undoneAt
  from bounce_messages b left join mailings m on m.id = b.mailing_id`;

/** The list's four filters (before an id, of one mailing), each prepared once. */
function pageSql(beforeId: boolean, mailingId: boolean): string {
  const where: string[] = [];
  if (beforeId) where.push('b.id < ?');
  if (mailingId) where.push('b.mailing_id = ?');
  return `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by b.id desc limit ?`;
}

/** The send job a bounce or an unsubscribe request is about. */
export interface MatchedJob {
  id: number;
  sendId: string;
  mailingId: string;
  email: string;
  normalizedEmail: string;
  recipientId: string;
  state: string;
}

const JOB_COLUMNS = `id, send_id as sendId, mailing_id as mailingId, email,
  normalized_email as normalizedEmail, recipient_id as recipientId, state`;

/**
 * The bounce log (table bounce_messages), and what a bounce reads and writes beside it: the job
 * it is about, the job state it sets or restores, the running sends a policy refusal pauses.
 * The statistics (an undone bounce's event too) are StatsAggregateStore's.
 */
export class BounceStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      seen: sqlite.prepare('select id from bounce_messages where source_hash = ?'),
      activeComplaint: sqlite.prepare(
        `select id from bounce_messages where job_id = ? and kind = 'complaint' and undone_at is null`,
      ),
      insert: sqlite.prepare(
        `insert into bounce_messages (source_hash, received_at, processed_at, kind, email, job_id,
           send_id, mailing_id, matched_by, status, reason, subject, event_id, effects)
         values (@sourceHash, @receivedAt, @processedAt, @kind, @email, @jobId, @sendId, @mailingId,
           @matchedBy, @status, @reason, @subject, @eventId, @effects)`,
      ),
      reviewRow: sqlite.prepare(
        `select source_hash as sourceHash, job_id as jobId, email, status, reason
         from bounce_messages where id = ? and kind = 'review' and undone_at is null`,
      ),
      confirm: sqlite.prepare(
        `update bounce_messages set kind = 'hard', event_id = ?, effects = ? where id = ?`,
      ),
      row: sqlite.prepare(`${SELECT} where b.id = ?`),
      page: sqlite.prepare(pageSql(false, false)),
      pageBefore: sqlite.prepare(pageSql(true, false)),
      pageOfMailing: sqlite.prepare(pageSql(false, true)),
      pageBeforeOfMailing: sqlite.prepare(pageSql(true, true)),
      markUndone: sqlite.prepare('update bounce_messages set undone_at = ? where id = ?'),
      anonymise: sqlite.prepare(
        `update bounce_messages set email = null, reason = '', subject = ''
         where processed_at < ? and email is not null`,
      ),
      setJobState: sqlite.prepare(
        'update send_jobs set state = ?, last_error = ?, updated_at = ? where id = ? and state = ?',
      ),
      restoreJobState: sqlite.prepare(
        'update send_jobs set state = ?, updated_at = ? where id = ? and state = ?',
      ),
      pause: sqlite.prepare(
        `update sends set state = 'paused', pause_reason = ?, pause_detail = ?
         where mailing_id = ? and state = 'running' returning id`,
      ),
      jobById: sqlite.prepare(`select ${JOB_COLUMNS} from send_jobs where id = ?`),
      // Stored with or without angle brackets, depending on who wrote it: both are asked for.
      jobByMessageId: sqlite.prepare(
        `select ${JOB_COLUMNS} from send_jobs where message_id in (?, ?) order by id desc limit 1`,
      ),
      jobByRecipient: sqlite.prepare(
        `select ${JOB_COLUMNS} from send_jobs where normalized_email = ? and sent_at is not null
         order by sent_at desc, id desc limit 1`,
      ),
    };
  }

  /** Whether the message with this hash was processed before. */
  alreadyProcessed(sourceHash: string): boolean {
    return this.s.seen.get(sourceHash) !== undefined;
  }

  /** Whether a complaint about this job is in the log and not undone. */
  hasActiveComplaint(jobId: number): boolean {
    return this.s.activeComplaint.get(jobId) !== undefined;
  }

  /** Stores a processed message; returns its id. */
  insert(bounce: NewBounce): number {
    const result = this.s.insert.run({ ...bounce, effects: JSON.stringify(bounce.effects) });
    return Number(result.lastInsertRowid);
  }

  /** The message when it is (still) waiting for review. */
  waitingForReview(id: number): ReviewRow | undefined {
    return this.s.reviewRow.get(id) as ReviewRow | undefined;
  }

  /** A reviewed message becomes a hard bounce with the effects it had now. */
  confirmAsHard(id: number, eventId: string | null, effects: BounceEffectsT): void {
    this.s.confirm.run(eventId, JSON.stringify(effects), id);
  }

  row(id: number): BounceRow | undefined {
    return this.s.row.get(id) as BounceRow | undefined;
  }

  /** Newest first, up to `count` rows below `beforeId`, of one mailing or all. */
  page(filter: { count: number; beforeId?: number | undefined; mailingId?: string | undefined }) {
    const { count, beforeId, mailingId } = filter;
    if (beforeId !== undefined && mailingId !== undefined)
      return this.s.pageBeforeOfMailing.all(beforeId, mailingId, count) as BounceRow[];
    if (beforeId !== undefined) return this.s.pageBefore.all(beforeId, count) as BounceRow[];
    if (mailingId !== undefined) return this.s.pageOfMailing.all(mailingId, count) as BounceRow[];
    return this.s.page.all(count) as BounceRow[];
  }

  markUndone(id: number, at: number): void {
    this.s.markUndone.run(at, id);
  }

  /** Drops the addresses and the servers' words of messages processed before `cutoff`. */
  anonymiseBefore(cutoff: number): number {
    return this.s.anonymise.run(cutoff).changes;
  }

  /** Moves a job from `from` to `to`; false when it was no longer in `from`. */
  setJobState(jobId: number, from: string, to: string, lastError: string, at: number): boolean {
    return this.s.setJobState.run(to, lastError, at, jobId, from).changes > 0;
  }

  /** Puts an undone bounce's job back in the state it had, if the bounce's state is still there. */
  restoreJobState(jobId: number, bounceState: string, before: string, at: number): void {
    this.s.restoreJobState.run(before, at, jobId, bounceState);
  }

  /** Pauses the mailing's running sends; returns their ids. */
  pauseRunningSends(mailingId: string, reason: string, detail: string): string[] {
    const rows = this.s.pause.all(reason, detail, mailingId) as { id: string }[];
    return rows.map((row) => row.id);
  }

  jobById(id: number): MatchedJob | undefined {
    return this.s.jobById.get(id) as MatchedJob | undefined;
  }

  /** The newest job whose Message-ID is one of the two spellings. */
  jobByMessageId(bracketed: string, bare: string): MatchedJob | undefined {
    return this.s.jobByMessageId.get(bracketed, bare) as MatchedJob | undefined;
  }

  /** The newest job that went to the (normalized) address. */
  jobByRecipient(normalized: string): MatchedJob | undefined {
    return this.s.jobByRecipient.get(normalized) as MatchedJob | undefined;
  }
}

/** One store per connection: the recorder, the log and the handlers share its statements. */
export const bounceStoreOf = weakCache((sqlite: Database.Database) => new BounceStore(sqlite));
