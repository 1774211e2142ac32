import type Database from 'better-sqlite3';
import type { SendStateT } from '../../contract/sending';

export interface SendRow {
  id: string;
  mailingId: string;
  idempotencyKey: string;
  state: SendStateT;
  pauseReason: string | null;
  pauseDetail: string | null;
  scheduledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  startedLateAt: number | null;
  recipients: number;
  creditsPerMail: number;
  creditsReserved: number;
  creditsCommitted: number;
  creditsCommitSeq: number;
  creditsCommitPending: number;
  creditsReleasedAt: number | null;
  skipped: string;
  createdAt: number;
}

/** A send being prepared: its jobs are being written (sendStart.ts). */
export type PreparingSend = Omit<NewSend, 'state' | 'scheduledAt' | 'recipients'>;

export interface NewSend {
  id: string;
  mailingId: string;
  idempotencyKey: string;
  state: 'scheduled' | 'running';
  scheduledAt: number | null;
  recipients: number;
  creditsPerMail: number;
  creditsReserved: number;
  skipped: { duplicates: number; suppressed: number; recentlyMailed: number };
  createdAt: number;
}

/** Every reader but activeForMailing leaves a send that is being prepared out. */
const PREPARED = `state <> 'preparing'`;

const COLUMNS = `id, mailing_id as mailingId, idempotency_key as idempotencyKey, state,
  pause_reason as pauseReason, pause_detail as pauseDetail, scheduled_at as scheduledAt,
  started_at as startedAt, finished_at as finishedAt, started_late_at as startedLateAt,
  recipients, credits_per_mail as creditsPerMail, credits_reserved as creditsReserved,
  credits_committed as creditsCommitted, credits_commit_seq as creditsCommitSeq,
  credits_commit_pending as creditsCommitPending, credits_released_at as creditsReleasedAt,
  skipped, created_at as createdAt`;

/**
 * The `sends` table: one row per send of a mailing, its state and its credit bookkeeping.
 * Besides the states of SendStateT a row can be 'preparing' while send.start writes its jobs: no
 * reader here returns it (nor does the queue, which reads 'running' and due 'scheduled' rows)
 * except activeForMailing, so a second start of the mailing is refused meanwhile.
 */
export class SendStore {
  private readonly s;

  constructor(readonly sqlite: Database.Database) {
    this.s = {
      insert: sqlite.prepare(
        `insert into sends (id, mailing_id, idempotency_key, state, scheduled_at, started_at, recipients,
           credits_per_mail, credits_reserved, skipped, created_at)
         values (@id, @mailingId, @idempotencyKey, @state, @scheduledAt, @startedAt, @recipients,
           @creditsPerMail, @creditsReserved, @skipped, @createdAt)`,
      ),
      get: sqlite.prepare(`select ${COLUMNS} from sends where id = ? and ${PREPARED}`),
      byKey: sqlite.prepare(
        `select ${COLUMNS} from sends where idempotency_key = ? and ${PREPARED}`,
      ),
      latestForMailing: sqlite.prepare(
        `select ${COLUMNS} from sends where mailing_id = ? and ${PREPARED}
         order by created_at desc, rowid desc limit 1`,
      ),
      activeForMailing: sqlite.prepare(
        `select ${COLUMNS} from sends
         where mailing_id = ? and state in ('preparing', 'scheduled', 'running', 'paused') limit 1`,
      ),
      insertPreparing: sqlite.prepare(
        `insert into sends (id, mailing_id, idempotency_key, state, recipients, credits_per_mail,
           credits_reserved, skipped, created_at)
         values (@id, @mailingId, @idempotencyKey, 'preparing', 0, @creditsPerMail,
           @creditsReserved, @skipped, @createdAt)`,
      ),
      markPrepared: sqlite.prepare(
        `update sends set state = @state, scheduled_at = @scheduledAt, recipients = @recipients,
           started_at = case when @state = 'running' then @now end
         where id = @id and state = 'preparing'`,
      ),
      preparing: sqlite.prepare(`select id from sends where state = 'preparing'`).pluck(),
      discardJobs: sqlite.prepare(`delete from send_jobs where send_id = ?`),
      discardSnapshot: sqlite.prepare(`delete from send_snapshots where send_id = ?`),
      discardSend: sqlite.prepare(`delete from sends where id = ? and state = 'preparing'`),
      listVisible: sqlite.prepare(
        `select ${COLUMNS} from sends
         where state in ('scheduled', 'running', 'paused') or coalesce(finished_at, 0) >= ?
         order by coalesce(scheduled_at, started_at, created_at)`,
      ),
      running: sqlite.prepare(
        `select ${COLUMNS} from sends where state = 'running' order by started_at, rowid`,
      ),
      due: sqlite.prepare(
        `select ${COLUMNS} from sends where state = 'scheduled' and scheduled_at <= ? order by scheduled_at`,
      ),
      nextScheduledAt: sqlite.prepare(
        `select min(scheduled_at) as at from sends where state = 'scheduled'`,
      ),
      setState: sqlite.prepare(
        `update sends set state = @state, pause_reason = @pauseReason, pause_detail = @pauseDetail
         where id = @id`,
      ),
      start: sqlite.prepare(
        `update sends set state = 'running', started_at = coalesce(started_at, @now),
           started_late_at = @lateAt where id = @id and state = 'scheduled'`,
      ),
      finish: sqlite.prepare(
        `update sends set state = @state, finished_at = @now, pause_reason = null, pause_detail = null
         where id = @id`,
      ),
      reopen: sqlite.prepare(
        `update sends set state = 'running', finished_at = null where id = ? and state = 'finished'`,
      ),
      commitPending: sqlite.prepare(
        `update sends set credits_commit_seq = credits_commit_seq + 1, credits_commit_pending = ?
         where id = ? and credits_commit_pending = 0`,
      ),
      commitAcknowledged: sqlite.prepare(
        `update sends set credits_committed = credits_committed + credits_commit_pending,
           credits_commit_pending = 0 where id = ?`,
      ),
      released: sqlite.prepare('update sends set credits_released_at = ? where id = ?'),
      markStarted: sqlite.prepare(
        'update sends set started_at = coalesce(started_at, ?) where id = ?',
      ),
      mailingSubject: sqlite.prepare('select subject from mailings where id = ?').pluck(),
    };
  }

  insert(send: NewSend): void {
    this.s.insert.run({
      ...send,
      startedAt: send.state === 'running' ? send.createdAt : null,
      skipped: JSON.stringify(send.skipped),
    });
  }

  /** A send whose jobs are about to be written; markPrepared makes it one the queue sees. */
  insertPreparing(send: PreparingSend): void {
    this.s.insertPreparing.run({ ...send, skipped: JSON.stringify(send.skipped) });
  }

  markPrepared(
    id: string,
    ready: {
      state: 'scheduled' | 'running';
      scheduledAt: number | null;
      recipients: number;
      now: number;
    },
  ): void {
    if (this.s.markPrepared.run({ id, ...ready }).changes !== 1) {
      throw new Error(`send ${id} is not being prepared`);
    }
  }

  /** Sends whose preparation never finished (the app stopped during send.start). */
  preparing(): string[] {
    return this.s.preparing.all() as string[];
  }

  /** Removes a send that never became ready, with its jobs and snapshot. */
  discardPreparing(id: string): void {
    this.sqlite.transaction(() => {
      if (!(this.s.preparing.all() as string[]).includes(id)) return;
      this.s.discardJobs.run(id);
      this.s.discardSnapshot.run(id);
      this.s.discardSend.run(id);
    })();
  }

  /** A resumed send's first start (kept when it had started before its pause). */
  markStarted(id: string, now: number): void {
    this.s.markStarted.run(now, id);
  }

  /** The subject of a send's mailing, for its notices ('' once the mailing is gone). */
  mailingSubject(mailingId: string): string {
    return (this.s.mailingSubject.get(mailingId) as string | undefined) ?? '';
  }

  get(id: string): SendRow | undefined {
    return this.s.get.get(id) as SendRow | undefined;
  }

  byIdempotencyKey(key: string): SendRow | undefined {
    return this.s.byKey.get(key) as SendRow | undefined;
  }

  latestForMailing(mailingId: string): SendRow | undefined {
    return this.s.latestForMailing.get(mailingId) as SendRow | undefined;
  }

  activeForMailing(mailingId: string): SendRow | undefined {
    return this.s.activeForMailing.get(mailingId) as SendRow | undefined;
  }

  /** Scheduled, running and paused sends, and those that ended since `finishedSince`. */
  listVisible(finishedSince: number): SendRow[] {
    return this.s.listVisible.all(finishedSince) as SendRow[];
  }

  running(): SendRow[] {
    return this.s.running.all() as SendRow[];
  }

  due(now: number): SendRow[] {
    return this.s.due.all(now) as SendRow[];
  }

  nextScheduledAt(): number | null {
    return (this.s.nextScheduledAt.get() as { at: number | null }).at;
  }

  setState(
    id: string,
    state: SendStateT,
    pause: { reason: string; detail: string } | null = null,
  ): void {
    this.s.setState.run({
      id,
      state,
      pauseReason: pause?.reason ?? null,
      pauseDetail: pause?.detail ?? null,
    });
  }

  /** scheduled → running; `lateAt` marks a send that was due while the app was closed. */
  start(id: string, now: number, lateAt: number | null): boolean {
    return this.s.start.run({ id, now, lateAt }).changes > 0;
  }

  finish(id: string, state: 'finished' | 'cancelled', now: number): void {
    this.s.finish.run({ id, state, now });
  }

  reopen(id: string): void {
    this.s.reopen.run(id);
  }

  /** Records a commit about to be asked of the tracker; false if an earlier one is still pending. */
  beginCommit(id: string, amount: number): boolean {
    return this.s.commitPending.run(amount, id).changes > 0;
  }

  acknowledgeCommit(id: string): void {
    this.s.commitAcknowledged.run(id);
  }

  markReleased(id: string, now: number): void {
    this.s.released.run(now, id);
  }

  /** Ended sends whose reserved credits were not released yet (the tracker was offline). */
  endedUnsettled(): string[] {
    this.endedUnsettledQuery ??= this.sqlite
      .prepare(
        `select id from sends where state in ('finished', 'cancelled') and credits_released_at is null
         and credits_reserved > 0 and not (state = 'finished' and exists (
           select 1 from send_jobs where send_id = sends.id and state = 'uncertain'))`,
      )
      .pluck();
    return this.endedUnsettledQuery.all() as string[];
  }

  private endedUnsettledQuery: Database.Statement | undefined;
}
