import type Database from 'better-sqlite3';
import { BounceEffects, type BounceItemT } from '../../contract/bounces';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { SuppressionStore } from '../suppression/suppressionStore';
import { statsAggregatesOf, type StatsAggregateStore } from '../stats/statsAggregateStore';
import { bounceStoreOf, type BounceRow, type BounceStore } from './bounceStore';

const SUPPRESSION_REASON = {
  hard: 'hard_bounce',
  soft: 'soft_bounce',
  complaint: 'complaint',
} as const;

/** Reading the processed bounces for the app, and undoing a wrong classification. */
export class BounceLog {
  private readonly stats: StatsAggregateStore;
  private readonly store: BounceStore;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly suppression: SuppressionStore,
    private readonly now: () => number,
  ) {
    this.stats = statsAggregatesOf(sqlite);
    this.store = bounceStoreOf(sqlite);
  }

  list(input: { limit: number; beforeId?: number | undefined; mailingId?: string | undefined }) {
    const rows = this.store.page({
      count: input.limit + 1,
      beforeId: input.beforeId,
      mailingId: input.mailingId,
    });
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
        this.store.restoreJobState(
          row.jobId,
          effects.jobStateAfter,
          effects.jobStateBefore,
          this.now(),
        );
      }
      if (row.eventId) this.stats.retractEvent(row.eventId);
      this.store.markUndone(id, this.now());
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
    this.store.markUndone(id, this.now());
    return this.get(id);
  }

  /**
   * Privacy: like the per-contact statistics, the addresses and the servers' words (which often
   * repeat the address) are dropped three months after processing. Returns how many rows changed.
   */
  anonymiseBefore(cutoff: number): number {
    return this.store.anonymiseBefore(cutoff);
  }

  private row(id: number): BounceRow {
    const row = this.store.row(id);
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
