import type Database from 'better-sqlite3';
import { BounceEffects, type BounceItemT } from '../../contract/bounces';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { SuppressionStore } from '../suppression/suppressionStore';
import { StatsAggregateStore } from '../stats/statsAggregateStore';

interface BounceRow {
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

const SELECT = `select b.id, b.processed_at as processedAt, b.received_at as receivedAt, b.kind, b.email,
  b.job_id as jobId, b.send_id as sendId, b.mailing_id as mailingId, m.subject as mailingSubject,
  b.matched_by as matchedBy, b.status, b.reason, b.subject, b.event_id as eventId, b.effects,
  b.undone_at as undoneAt
  from bounce_messages b left join mailings m on m.id = b.mailing_id`;

const SUPPRESSION_REASON = {
  hard: 'hard_bounce',
  soft: 'soft_bounce',
  complaint: 'complaint',
} as const;

/** Reading the processed bounces for the app, and undoing a wrong classification. */
export class BounceLog {
  private readonly stats: StatsAggregateStore;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly suppression: SuppressionStore,
    private readonly now: () => number,
  ) {
    this.stats = new StatsAggregateStore(sqlite);
  }

  list(input: { limit: number; beforeId?: number | undefined; mailingId?: string | undefined }) {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (input.beforeId !== undefined) {
      where.push('b.id < ?');
      params.push(input.beforeId);
    }
    if (input.mailingId !== undefined) {
      where.push('b.mailing_id = ?');
      params.push(input.mailingId);
    }
    const sql = `${SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by b.id desc limit ?`;
    const rows = this.sqlite.prepare(sql).all(...params, input.limit + 1) as BounceRow[];
    const items = rows.slice(0, input.limit).map(toItem);
    return { items, nextBeforeId: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  get(id: number): BounceItemT {
    return toItem(this.row(id));
  }

  /**
   * Takes back what one message changed: lifts the suppression it caused (only if it is still the
   * bounce's), takes back its soft-bounce count, restores the job state, removes its statistics
   * event. Paused sends stay paused: the shopkeeper resumes them.
   */
  undo(id: number): BounceItemT {
    const row = this.row(id);
    if (row.undoneAt !== null) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This bounce was already undone',
        'bounces:errors.alreadyUndone',
      );
    }
    const item = toItem(row);
    if (!item.undoable) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This message changed nothing',
        'bounces:errors.nothingToUndo',
      );
    }
    const effects = item.effects;
    this.sqlite.transaction(() => {
      const email = row.email;
      if (email && (row.kind === 'hard' || row.kind === 'soft' || row.kind === 'complaint')) {
        const entry = this.suppression.get(email);
        const ours =
          effects.suppressed &&
          entry?.source === 'bounce' &&
          entry.reason === SUPPRESSION_REASON[row.kind];
        const counted = row.kind === 'soft' && effects.softBounceCount !== null;
        if (counted) this.suppression.forgetSoftBounce(email);
        // A soft bounce keeps the count it has just corrected; a hard one clears it as before.
        if (ours) this.suppression.lift(email, { keepSoftBounceCount: counted });
      }
      if (row.jobId !== null && effects.jobStateAfter && effects.jobStateBefore) {
        this.sqlite
          .prepare('update send_jobs set state = ?, updated_at = ? where id = ? and state = ?')
          .run(effects.jobStateBefore, this.now(), row.jobId, effects.jobStateAfter);
      }
      if (row.eventId) this.retractEvent(row.eventId);
      this.sqlite
        .prepare('update bounce_messages set undone_at = ? where id = ?')
        .run(this.now(), id);
    })();
    return this.get(id);
  }

  /** A bounce waiting for review that the shopkeeper dismissed: it stays in the list, changed nothing. */
  dismiss(id: number): BounceItemT {
    const row = this.row(id);
    if (row.kind !== 'review' || row.undoneAt !== null) {
      throw new DomainError(
        ERROR_CODES.conflict,
        'This bounce is not waiting for review',
        'bounces:errors.notWaiting',
      );
    }
    this.sqlite
      .prepare('update bounce_messages set undone_at = ? where id = ?')
      .run(this.now(), id);
    return this.get(id);
  }

  /**
   * Privacy: like the per-contact statistics, the addresses and the servers' words (which often
   * repeat the address) are dropped three months after processing. Returns how many rows changed.
   */
  anonymiseBefore(cutoff: number): number {
    return this.sqlite
      .prepare(
        `update bounce_messages set email = null, reason = '', subject = ''
         where processed_at < ? and email is not null`,
      )
      .run(cutoff).changes;
  }

  /** The statistics stop counting it: the event goes, the aggregates follow the remaining events. */
  private retractEvent(eventId: string): void {
    const event = this.sqlite
      .prepare(
        'select mailing_id as mailingId, recipient_id as recipientId from events where id = ?',
      )
      .get(eventId) as { mailingId: string; recipientId: string | null } | undefined;
    if (!event) return;
    this.sqlite.prepare('delete from events where id = ?').run(eventId);
    if (event.recipientId) {
      this.stats.retractOutcome(event.mailingId, event.recipientId);
    }
  }

  private row(id: number): BounceRow {
    const row = this.sqlite.prepare(`${SELECT} where b.id = ?`).get(id) as BounceRow | undefined;
    if (!row)
      throw new DomainError(
        ERROR_CODES.notFound,
        `Bounce ${id} not found`,
        'bounces:errors.notFound',
      );
    return row;
  }
}

function toItem(row: BounceRow): BounceItemT {
  const parsed = BounceEffects.safeParse(JSON.parse(row.effects || '{}'));
  const effects = parsed.success
    ? parsed.data
    : {
        suppressed: false,
        softBounceCount: null,
        jobStateBefore: null,
        jobStateAfter: null,
        pausedSends: [],
      };
  const changedSomething =
    effects.suppressed ||
    effects.softBounceCount !== null ||
    effects.jobStateAfter !== null ||
    row.eventId !== null;
  return {
    id: row.id,
    processedAt: row.processedAt,
    receivedAt: row.receivedAt,
    kind: row.kind,
    email: row.email,
    mailingId: row.mailingId,
    mailingSubject: row.mailingSubject,
    jobId: row.jobId,
    matchedBy: row.matchedBy,
    status: row.status,
    reason: row.reason,
    subject: row.subject,
    effects,
    undoneAt: row.undoneAt,
    undoable: row.undoneAt === null && changedSomething,
  };
}
