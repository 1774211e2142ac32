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

/** The follow_ups rows; every state change is one statement, callable inside a transaction. */
export class FollowUpStore {
  constructor(private readonly sqlite: Database.Database) {}

  get(originalMailingId: string): FollowUpRow | undefined {
    return this.sqlite
      .prepare(`select ${COLUMNS} from follow_ups where original_mailing_id = ?`)
      .get(originalMailingId) as FollowUpRow | undefined;
  }

  byFollowUpMailing(mailingId: string): FollowUpRow | undefined {
    return this.sqlite
      .prepare(`select ${COLUMNS} from follow_ups where follow_up_mailing_id = ?`)
      .get(mailingId) as FollowUpRow | undefined;
  }

  all(): FollowUpRow[] {
    return this.sqlite
      .prepare(`select ${COLUMNS} from follow_ups order by due_at desc`)
      .all() as FollowUpRow[];
  }

  /** Planned ones whose moment has come, and ones a crash interrupted after the copy was made. */
  due(now: number): FollowUpRow[] {
    return this.sqlite
      .prepare(
        `select ${COLUMNS} from follow_ups
         where state in ('planned', 'preparing') and due_at <= ? order by due_at`,
      )
      .all(now) as FollowUpRow[];
  }

  /** Throws SQLite's primary-key error when the original already has one. */
  insert(row: Omit<FollowUpRow, 'followUpMailingId' | 'sendId' | 'errorKey' | 'errorParams'>) {
    this.sqlite
      .prepare(
        `insert into follow_ups (original_mailing_id, days, subject, due_at, state, confirmed,
           estimated_recipients, estimated_credits, created_at, updated_at)
         values (@originalMailingId, @days, @subject, @dueAt, @state, @confirmed,
           @estimatedRecipients, @estimatedCredits, @createdAt, @updatedAt)`,
      )
      .run(row);
  }

  preparing(originalMailingId: string, followUpMailingId: string, now: number): void {
    this.sqlite
      .prepare(
        `update follow_ups set state = 'preparing', follow_up_mailing_id = ?, updated_at = ?
         where original_mailing_id = ? and state = 'planned'`,
      )
      .run(followUpMailingId, now, originalMailingId);
  }

  started(originalMailingId: string, sendId: string, now: number): void {
    this.sqlite
      .prepare(
        `update follow_ups set state = 'started', send_id = ?, error_key = null,
           error_params = null, updated_at = ?
         where original_mailing_id = ?`,
      )
      .run(sendId, now, originalMailingId);
  }

  failed(originalMailingId: string, key: string, params: unknown, now: number): void {
    this.sqlite
      .prepare(
        `update follow_ups set state = 'failed', error_key = ?, error_params = ?, updated_at = ?
         where original_mailing_id = ? and state in ('planned', 'preparing')`,
      )
      .run(key, params === undefined ? null : JSON.stringify(params), now, originalMailingId);
  }

  /** Why it is still waiting (the tracker cannot be reached): shown, tried again later. */
  waiting(originalMailingId: string, key: string, params: unknown, now: number): void {
    this.sqlite
      .prepare(
        `update follow_ups set error_key = ?, error_params = ?, updated_at = ?
         where original_mailing_id = ? and state in ('planned', 'preparing')`,
      )
      .run(key, params === undefined ? null : JSON.stringify(params), now, originalMailingId);
  }

  /** Only while nothing was made yet; answers whether it was called off. */
  cancel(originalMailingId: string, now: number): boolean {
    return (
      this.sqlite
        .prepare(
          `update follow_ups set state = 'cancelled', updated_at = ?
           where original_mailing_id = ? and state = 'planned'`,
        )
        .run(now, originalMailingId).changes === 1
    );
  }
}
