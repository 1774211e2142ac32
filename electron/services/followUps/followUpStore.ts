import type Database from 'better-sqlite3';
import type { FollowUpT } from '../../contract/followUps';

export interface FollowUpRow {
  originalMailingId: string;
  days: number;
  subject: string;
  dueAt: number;
  state: FollowUpT['state'];
  confirmed: string;
  estimatedRecipients: number;
  estimatedCredits: number;
  followUpMailingId: string | null;
  sendId: string | null;
  errorKey: string | null;
  errorParams: string | null;
  createdAt: number;
  updatedAt: number;
}

const COLUMNS = `original_mailing_id as originalMailingId, days, subject, due_at as dueAt, state,
  confirmed, estimated_recipients as estimatedRecipients, estimated_credits as estimatedCredits,
  follow_up_mailing_id as followUpMailingId, send_id as sendId, error_key as errorKey,
  error_params as errorParams, created_at as createdAt, updated_at as updatedAt`;

/**
 * The follow_ups rows, the audience of a second chance, and the few mailing writes that make its
 * copy; every state change is one statement, callable inside a transaction.
 */
export class FollowUpStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      get: sqlite.prepare(`select ${COLUMNS} from follow_ups where original_mailing_id = ?`),
      byFollowUpMailing: sqlite.prepare(
        `select ${COLUMNS} from follow_ups where follow_up_mailing_id = ?`,
      ),
      all: sqlite.prepare(`select ${COLUMNS} from follow_ups order by due_at desc`),
      due: sqlite.prepare(
        `select ${COLUMNS} from follow_ups
         where state in ('planned', 'preparing') and due_at <= ? order by due_at`,
      ),
      originalOf: sqlite
        .prepare('select original_mailing_id from follow_ups where follow_up_mailing_id = ?')
        .pluck(),
      nonOpeners: sqlite
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
        .pluck(),
      insert: sqlite.prepare(
        `insert into follow_ups (original_mailing_id, days, subject, due_at, state, confirmed,
           estimated_recipients, estimated_credits, created_at, updated_at)
         values (@originalMailingId, @days, @subject, @dueAt, @state, @confirmed,
           @estimatedRecipients, @estimatedCredits, @createdAt, @updatedAt)`,
      ),
      remove: sqlite.prepare('delete from follow_ups where original_mailing_id = ?'),
      preparing: sqlite.prepare(
        `update follow_ups set state = 'preparing', follow_up_mailing_id = ?, updated_at = ?
         where original_mailing_id = ? and state = 'planned'`,
      ),
      started: sqlite.prepare(
        `update follow_ups set state = 'started', send_id = ?, error_key = null,
           error_params = null, updated_at = ?
         where original_mailing_id = ?`,
      ),
      failed: sqlite.prepare(
        `update follow_ups set state = 'failed', error_key = ?, error_params = ?, updated_at = ?
         where original_mailing_id = ? and state in ('planned', 'preparing')`,
      ),
      waiting: sqlite.prepare(
        `update follow_ups set error_key = ?, error_params = ?, updated_at = ?
         where original_mailing_id = ? and state in ('planned', 'preparing')`,
      ),
      cancel: sqlite.prepare(
        `update follow_ups set state = 'cancelled', updated_at = ?
         where original_mailing_id = ? and state = 'planned'`,
      ),
      mailingSubject: sqlite.prepare('select subject from mailings where id = ?').pluck(),
      retitleCopy: sqlite.prepare(
        `update mailings set subject = ?, content_changed_at = ?, last_test_at = ?,
           updated_at = ? where id = ?`,
      ),
      copySelections: sqlite.prepare(
        `insert into mailing_selections (mailing_id, selection_id)
         select ?, selection_id from mailing_selections where mailing_id = ?`,
      ),
    };
  }

  get(originalMailingId: string): FollowUpRow | undefined {
    return this.s.get.get(originalMailingId) as FollowUpRow | undefined;
  }

  byFollowUpMailing(mailingId: string): FollowUpRow | undefined {
    return this.s.byFollowUpMailing.get(mailingId) as FollowUpRow | undefined;
  }

  all(): FollowUpRow[] {
    return this.s.all.all() as FollowUpRow[];
  }

  /** Planned ones whose moment has come, and ones a crash interrupted after the copy was made. */
  due(now: number): FollowUpRow[] {
    return this.s.due.all(now) as FollowUpRow[];
  }

  /** The original a follow-up's own mailing was made from; undefined for any other mailing. */
  originalOf(mailingId: string): string | undefined {
    return this.s.originalOf.get(mailingId) as string | undefined;
  }

  /**
   * The recipients of the original who may get its second chance: their mail was accepted, and
   * they neither opened it nor clicked as a person. Machine opens and clicks (Apple's privacy
   * proxy, link scanners) are stored apart (machine_opens, machine_clicks) and do not count as
   * interest. Anyone who unsubscribed, complained or bounced through this mailing is left out
   * here; the suppression list, which resolveRecipients applies, covers the same since any mailing.
   */
  nonOpeners(originalMailingId: string): Set<string> {
    return new Set(this.s.nonOpeners.all(originalMailingId) as string[]);
  }

  /** Throws SQLite's primary-key error when the original already has one. */
  insert(row: Omit<FollowUpRow, 'followUpMailingId' | 'sendId' | 'errorKey' | 'errorParams'>) {
    this.s.insert.run(row);
  }

  /** Removes a cancelled one so it can be planned again. */
  remove(originalMailingId: string): void {
    this.s.remove.run(originalMailingId);
  }

  preparing(originalMailingId: string, followUpMailingId: string, now: number): void {
    this.s.preparing.run(followUpMailingId, now, originalMailingId);
  }

  started(originalMailingId: string, sendId: string, now: number): void {
    this.s.started.run(sendId, now, originalMailingId);
  }

  failed(originalMailingId: string, key: string, params: unknown, now: number): void {
    this.s.failed.run(key, serialized(params), now, originalMailingId);
  }

  /** Why it is still waiting (the tracker cannot be reached): shown, tried again later. */
  waiting(originalMailingId: string, key: string, params: unknown, now: number): void {
    this.s.waiting.run(key, serialized(params), now, originalMailingId);
  }

  /** Only while nothing was made yet; answers whether it was called off. */
  cancel(originalMailingId: string, now: number): boolean {
    return this.s.cancel.run(now, originalMailingId).changes === 1;
  }

  /** The subject of a mailing, '' when it is gone. */
  mailingSubject(mailingId: string): string {
    return (this.s.mailingSubject.get(mailingId) as string | undefined) ?? '';
  }

  /**
   * Gives the copy the follow-up's subject and counts its content as tested now (it is the sent
   * original's), and attaches the original's selections to it.
   */
  fitCopy(copyId: string, originalMailingId: string, subject: string, now: number): void {
    this.s.retitleCopy.run(subject, now, now, now, copyId);
    this.s.copySelections.run(copyId, originalMailingId);
  }
}

function serialized(params: unknown): string | null {
  return params === undefined ? null : JSON.stringify(params);
}
