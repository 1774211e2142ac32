import type Database from 'better-sqlite3';
import { emailHash, normalizeEmail } from './email';

export type SuppressionReason =
  'unsubscribed' | 'hard_bounce' | 'soft_bounce' | 'complaint' | 'manual';

export interface SuppressionEntry {
  id: number;
  email: string | null;
  reason: SuppressionReason;
  source: string;
  detail: string;
  createdAt: number;
}

const ENTRY_COLUMNS =
  'id, normalized_email as email, reason, source, detail, created_at as createdAt';

/** The third soft bounce suppresses an address (code of good practice: list hygiene). */
export const SOFT_BOUNCE_LIMIT = 3;

/**
 * The one list of who must never be mailed. Every path that sends (queue claim, test send,
 * re-subscribe mail) asks `isSuppressed`; every path that learns of an unsubscribe, bounce or
 * complaint calls `suppress`. Matching is by hash so erased people stay suppressed.
 */
export class SuppressionStore {
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number,
  ) {
    this.statements = {
      find: sqlite.prepare('select id from suppression where email_hash = ?'),
      insert: sqlite.prepare(
        `insert into suppression (normalized_email, email_hash, reason, source, detail, created_at)
         values (?, ?, ?, ?, ?, ?) on conflict(email_hash) do nothing`,
      ),
      remove: sqlite.prepare('delete from suppression where email_hash = ?'),
      get: sqlite.prepare(`select ${ENTRY_COLUMNS} from suppression where email_hash = ?`),
      softBounce: sqlite.prepare(
        `insert into soft_bounces (email_hash, count, last_at, last_reason) values (?, 1, ?, ?)
         on conflict(email_hash) do update set count = count + 1, last_at = excluded.last_at,
         last_reason = excluded.last_reason returning count`,
      ),
      clearSoftBounces: sqlite.prepare('delete from soft_bounces where email_hash = ?'),
      softBounceCount: sqlite.prepare('select count from soft_bounces where email_hash = ?'),
      countDownSoftBounce: sqlite.prepare(
        'update soft_bounces set count = count - 1 where email_hash = ? and count > 0 returning count',
      ),
      dropSpentSoftBounces: sqlite.prepare(
        'delete from soft_bounces where email_hash = ? and count <= 0',
      ),
      count: sqlite.prepare('select count(*) as n from suppression'),
      countMatching: sqlite.prepare(
        `select count(*) as n from suppression where normalized_email like ? escape '\\'`,
      ),
      page: sqlite.prepare(
        `select ${ENTRY_COLUMNS} from suppression
         order by created_at desc, id desc limit ? offset ?`,
      ),
      pageMatching: sqlite.prepare(
        `select ${ENTRY_COLUMNS} from suppression where normalized_email like ? escape '\\'
         order by created_at desc, id desc limit ? offset ?`,
      ),
      keepOnlyHash: sqlite.prepare(
        `update suppression set normalized_email = null, detail = 'gewist' where email_hash = ?`,
      ),
    };
  }

  isSuppressed(email: string): boolean {
    return this.statements.find.get(emailHash(email)) !== undefined;
  }

  get(email: string): SuppressionEntry | undefined {
    return this.statements.get.get(emailHash(email)) as SuppressionEntry | undefined;
  }

  /** Idempotent: the first reason is kept (an unsubscribe stays an unsubscribe). Returns true if new. */
  suppress(email: string, reason: SuppressionReason, source: string, detail = ''): boolean {
    const result = this.statements.insert.run(
      normalizeEmail(email),
      emailHash(email),
      reason,
      source,
      detail,
      this.now(),
    );
    return result.changes > 0;
  }

  /** Counts a soft bounce; the third suppresses. Returns the count so far. */
  recordSoftBounce(email: string, detail: string, source = 'bounce'): number {
    const hash = emailHash(email);
    const row = this.statements.softBounce.get(hash, this.now(), detail) as { count: number };
    if (row.count >= SOFT_BOUNCE_LIMIT) {
      this.suppress(email, 'soft_bounce', source, `${row.count}× ${detail}`.trim());
    }
    return row.count;
  }

  /** Soft bounces counted for the address since its count was last cleared. */
  softBounceCount(email: string): number {
    const row = this.statements.softBounceCount.get(emailHash(email)) as
      { count: number } | undefined;
    return row?.count ?? 0;
  }

  /**
   * Takes back one counted soft bounce (an undone bounce): the count goes down by one and the
   * row goes at zero. Does not lift a suppression: the caller decides whether it was this one's.
   * Returns the count left.
   */
  forgetSoftBounce(email: string): number {
    const hash = emailHash(email);
    return this.sqlite.transaction(() => {
      const row = this.statements.countDownSoftBounce.get(hash) as { count: number } | undefined;
      this.statements.dropSpentSoftBounces.run(hash);
      return row?.count ?? 0;
    })();
  }

  /**
   * Lifts a suppression (after a confirmed re-subscription, or a soft-bounce block by hand) and
   * clears the soft-bounce count, unless an undone bounce has just corrected that count itself.
   */
  lift(email: string, options: { keepSoftBounceCount?: boolean } = {}): boolean {
    const hash = emailHash(email);
    if (!options.keepSoftBounceCount) this.statements.clearSoftBounces.run(hash);
    return this.statements.remove.run(hash).changes > 0;
  }

  /** Erasure: the entry stays (by hash), the address and the reason's words leave it. */
  keepOnlyHash(email: string): void {
    this.statements.keepOnlyHash.run(emailHash(email));
  }

  /** The list, newest first, optionally only addresses containing `filter` (lower case). */
  list(
    filter: string,
    limit: number,
    offset: number,
  ): { total: number; entries: SuppressionEntry[] } {
    if (!filter) {
      return {
        total: (this.statements.count.get() as { n: number }).n,
        entries: this.statements.page.all(limit, offset) as SuppressionEntry[],
      };
    }
    const pattern = `%${filter.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return {
      total: (this.statements.countMatching.get(pattern) as { n: number }).n,
      entries: this.statements.pageMatching.all(pattern, limit, offset) as SuppressionEntry[],
    };
  }
}
