import type Database from 'better-sqlite3';
import { HOUR } from '../core/clock';
import { emailHash } from '../suppression/email';

/** Where a staged contact stands: a recipient, or skipped for one of two reasons. */
export type StagedState = 'recipient' | 'suppressed' | 'recentlyMailed';

/** The contacts one statement stages: a selection's (or its segment's) rows in an id range. */
export interface ContactsQuery {
  /** `from contacts c … where …` (segments/mailingSegment.ts), with its parameters. */
  from: string;
  params: Record<string, unknown>;
}

export interface StagingRules {
  /** Fair use: an address mailed within these hours is skipped (0: never). */
  fairUseHours: number;
  now: number;
  /** A follow-up's audience: only these addresses count at all. */
  audience: boolean;
}

let tables = 0;
const withHashFunction = new WeakSet<Database.Database>();

/**
 * The SQL of one send's staging table (recipientsStaging.ts): temp.<table> holds seq (the order
 * jobs are made in), normalized_email (unique: the first selection's contact wins), contact_id
 * and state. Every rule (suppression, fair use, audience) is decided inside SQLite by one
 * INSERT … SELECT per range of contacts, so no contact passes through JavaScript.
 */
export class RecipientsStagingStore {
  readonly table: string;
  private readonly audienceTable: string;
  private readonly s;
  /** The staged rows up to seq `counted`, by state (countNewlyStaged). */
  private readonly counts: Record<StagedState, number> = {
    recipient: 0,
    suppressed: 0,
    recentlyMailed: 0,
  };
  private counted = 0;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly rules: StagingRules,
  ) {
    tables += 1;
    this.table = `send_recipients_${tables}`;
    this.audienceTable = `${this.table}_audience`;
    sqlite.exec(
      `create temp table ${this.table} (seq integer primary key, normalized_email text not null
       unique, contact_id integer not null, state text not null)`,
    );
    if (rules.audience) {
      sqlite.exec(`create temp table ${this.audienceTable} (normalized_email text primary key)`);
    }
    this.s = {
      addAudience: rules.audience
        ? sqlite.prepare(`insert or ignore into ${this.audienceTable} values (?)`)
        : null,
      idRange: sqlite.prepare(
        'select min(id) as first, max(id) as last from contacts where selection_id = ?',
      ),
      countSelection: sqlite
        .prepare('select count(*) from contacts where selection_id = ?')
        .pluck(),
      statesAfter: sqlite.prepare(
        `select state, count(*) as count, max(seq) as last from ${this.table} where seq > ?
         group by state`,
      ),
      lastSeq: sqlite.prepare(`select max(seq) from ${this.table}`).pluck(),
      read: sqlite.prepare(
        `select s.seq, c.id as contactId, c.email, c.normalized_email as normalizedEmail, c.data
         from ${this.table} s join contacts c on c.id = s.contact_id
         where s.state = 'recipient' and s.seq > ? order by s.seq limit ?`,
      ),
    };
  }

  addToAudience(emails: readonly string[]): void {
    this.sqlite.transaction(() => {
      for (const email of emails) this.s.addAudience!.run(email);
    })();
  }

  /** The first and last contact id of a selection (null: it is empty). */
  idRange(selectionId: string): { first: number; last: number } | null {
    const row = this.s.idRange.get(selectionId) as { first: number | null; last: number | null };
    return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
  }

  countSelection(selectionId: string): number {
    return this.s.countSelection.get(selectionId) as number;
  }

  /**
   * The two statements of one selection (or segment): stage a range of its contacts, and count
   * the range's contacts within the audience (those not staged were duplicates).
   */
  stagingOf(query: ContactsQuery): {
    stage: (after: number, until: number) => number;
    count: (after: number, until: number, inAudience: boolean) => number;
  } {
    const range = 'and c.id > @after and c.id <= @until';
    const inAudience = this.rules.audience
      ? `and c.normalized_email in (select normalized_email from ${this.audienceTable})`
      : '';
    const stage = this.sqlite.prepare(
      `insert into ${this.table} (normalized_email, contact_id, state)
       select c.normalized_email, c.id, case
         when ${this.suppressedSql()} then 'suppressed'
         when ${this.recentlyMailedSql()} then 'recentlyMailed'
         else 'recipient' end
       ${query.from} ${range} ${inAudience}
       order by c.id
       on conflict (normalized_email) do nothing`,
    );
    const counts = {
      all: this.sqlite.prepare(`select count(*) ${query.from} ${range}`).pluck(),
      inAudience: this.sqlite
        .prepare(`select count(*) ${query.from} ${range} ${inAudience}`)
        .pluck(),
    };
    const since = this.rules.now - this.rules.fairUseHours * HOUR;
    return {
      stage: (after, until) => stage.run({ ...query.params, after, until, since }).changes,
      count: (after, until, audience) =>
        (audience ? counts.inAudience : counts.all).get({
          ...query.params,
          after,
          until,
        }) as number,
    };
  }

  /**
   * Counts the rows staged since the last call by state (a range of seq; staged rows never
   * change). The fill calls it after each range: one count over 100,000 rows at the end held the
   * loop 25–35 ms.
   */
  countNewlyStaged(): void {
    const rows = this.s.statesAfter.all(this.counted) as {
      state: StagedState;
      count: number;
      last: number;
    }[];
    for (const row of rows) {
      this.counts[row.state] += row.count;
      this.counted = Math.max(this.counted, row.last);
    }
  }

  /** How many staged rows are in each state. */
  stateCounts(): Record<StagedState, number> {
    this.countNewlyStaged();
    return { ...this.counts };
  }

  lastSeq(): number {
    return (this.s.lastSeq.get() as number | null) ?? 0;
  }

  /** Up to `limit` recipients after seq `after`, in order, their data as stored (JSON). */
  readRecipients(
    after: number,
    limit: number,
  ): { seq: number; contactId: number; email: string; normalizedEmail: string; data: string }[] {
    return this.s.read.all(after, limit) as ReturnType<RecipientsStagingStore['readRecipients']>;
  }

  /**
   * Drops the staged tables and hands the connection's unused cache pages back to the process
   * (`shrink_memory`): staging 100,000 recipients and writing their jobs fill both page caches,
   * which otherwise stay allocated under the young generation a long send grows (issue 26: the
   * sending's peak RSS 150–162 MB in seven runs, against 166–176 in three without it). The next
   * queries read their pages again from the operating system's file cache.
   */
  drop(): void {
    this.sqlite.exec(`drop table if exists temp.${this.table}`);
    this.sqlite.exec(`drop table if exists temp.${this.audienceTable}`);
    this.sqlite.pragma('shrink_memory');
  }

  /**
   * On the suppression list by address, or (for erased people, kept by hash alone) by hash: the
   * hash is only computed when the list holds such entries, as suppressedLookup does.
   */
  private suppressedSql(): string {
    const byEmail =
      'exists (select 1 from suppression x where x.normalized_email = c.normalized_email)';
    const hashOnly = this.sqlite
      .prepare('select 1 from suppression where normalized_email is null limit 1')
      .get();
    if (!hashOnly) return byEmail;
    if (!withHashFunction.has(this.sqlite)) {
      this.sqlite.function('winkelpost_email_hash', { deterministic: true }, (email: unknown) =>
        emailHash(String(email)),
      );
      withHashFunction.add(this.sqlite);
    }
    return `(${byEmail} or exists (select 1 from suppression x
      where x.email_hash = winkelpost_email_hash(c.normalized_email)))`;
  }

  /** Sent a mail within the fair-use window (the index on address and sent_at). */
  private recentlyMailedSql(): string {
    if (this.rules.fairUseHours <= 0) return '0';
    return `exists (select 1 from send_jobs j where j.normalized_email = c.normalized_email
      and j.sent_at > @since and j.state = 'sent')`;
  }
}
