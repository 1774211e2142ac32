import type Database from 'better-sqlite3';
import type { AppContext } from '../core/appContext';
import { HOUR } from '../core/clock';
import { Turns } from '../core/turns';
import { followUpAudience } from '../followUps/audience';
import { segmentQueries } from '../segments/mailingSegment';
import {
  attachedSelections,
  type Recipient,
  type RecipientList,
  type RecipientsAnswer,
} from './recipients';
import { suppressedLookup } from './suppressedLookup';

/** Contacts read per statement: a few milliseconds of work between the event loop's turns. */
const CHUNK = 500;

type StagedState = 'recipient' | 'suppressed' | 'recentlyMailed';

interface ContactKey {
  id: number;
  normalizedEmail: string;
}

let tables = 0;

/**
 * A send's recipients as resolveRecipients finds them (newest selection first, each address once,
 * no suppressed address, fair use, segment and follow-up audience), but kept in a TEMP table of
 * contact ids instead of objects in memory: built in chunks with turns of the event loop between
 * them, read back in chunks, and turned into jobs by one INSERT … SELECT per chunk (newJobs.ts).
 * So a send of 100,000 holds no list of its recipients, and the checklist's pass and the jobs come
 * from this one answer.
 */
export class StagedRecipients implements RecipientsAnswer {
  readonly skipped = {
    duplicates: { length: 0 },
    suppressed: { length: 0 },
    recentlyMailed: { length: 0 },
  };
  outsideSegment = 0;
  private recipientCount = 0;
  readonly recipients: RecipientList = recipientList(
    () => this.recipientCount,
    () => this.read(),
  );

  private constructor(
    private readonly sqlite: Database.Database,
    /** temp.<table>: seq (the order jobs are made in), normalized_email (unique), contact_id, state. */
    readonly table: string,
    readonly fairUseHours: number,
  ) {}

  static async stage(
    context: AppContext,
    mailingId: string,
    options: { fairUseHours?: number; now?: number } = {},
  ): Promise<StagedRecipients> {
    const sqlite = context.database.sqlite;
    const now = options.now ?? context.clock.now();
    const fairUseHours = options.fairUseHours ?? context.settings.read().limits.fairUseHours;
    tables += 1;
    const staged = new StagedRecipients(sqlite, `send_recipients_${tables}`, fairUseHours);
    sqlite.exec(
      `create temp table ${staged.table} (seq integer primary key, normalized_email text not null
       unique, contact_id integer not null, state text not null)`,
    );
    try {
      await staged.fill(context, mailingId, now);
    } catch (error) {
      staged.dispose();
      throw error;
    }
    return staged;
  }

  private async fill(context: AppContext, mailingId: string, now: number): Promise<void> {
    const { sqlite } = this;
    const audience = followUpAudience(sqlite, mailingId);
    const attached = attachedSelections(sqlite, mailingId);
    const segment = segmentQueries(
      sqlite,
      mailingId,
      attached.map((s) => s.id),
    );
    const isSuppressed = suppressedLookup(sqlite);
    const recentlyMailed = recentlyMailedLookup(sqlite, this.fairUseHours, now);
    const add = sqlite.prepare(
      `insert into ${this.table} (normalized_email, contact_id, state) values (?, ?, ?)
       on conflict (normalized_email) do nothing`,
    );
    const counts = { recipient: 0, suppressed: 0, recentlyMailed: 0, duplicates: 0 };
    const turns = new Turns();
    for (const selection of attached) {
      const query = segment?.get(selection.id) ?? {
        from: 'from contacts c where c.selection_id = @selectionId',
        params: { selectionId: selection.id },
      };
      const next = sqlite.prepare(
        `select c.id, c.normalized_email as normalizedEmail ${query.from} and c.id > @after
         order by c.id limit ${CHUNK}`,
      );
      let within = 0;
      let after = 0;
      for (;;) {
        const rows = next.all({ ...query.params, after }) as ContactKey[];
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.id;
        within += rows.length;
        sqlite.transaction(() => {
          for (const row of rows) {
            // Outside the audience counts as not in the selection at all (neither sent nor skipped).
            if (audience && !audience.has(row.normalizedEmail)) continue;
            const state: StagedState =
              isSuppressed(row.normalizedEmail) !== undefined
                ? 'suppressed'
                : recentlyMailed(row.normalizedEmail)
                  ? 'recentlyMailed'
                  : 'recipient';
            if (add.run(row.normalizedEmail, row.id, state).changes === 0) counts.duplicates += 1;
            else counts[state] += 1;
          }
        })();
        await turns.pause();
      }
      if (segment) {
        const all = sqlite
          .prepare('select count(*) from contacts where selection_id = ?')
          .pluck()
          .get(selection.id) as number;
        this.outsideSegment += all - within;
      }
    }
    this.recipientCount = counts.recipient;
    this.skipped.duplicates.length = counts.duplicates;
    this.skipped.suppressed.length = counts.suppressed;
    this.skipped.recentlyMailed.length = counts.recentlyMailed;
  }

  /** The recipients in order, their data parsed, read CHUNK at a time (no statement left open). */
  private *read(): Generator<Recipient> {
    const next = this.sqlite.prepare(
      `select s.seq, c.id as contactId, c.email, c.normalized_email as normalizedEmail, c.data
       from ${this.table} s join contacts c on c.id = s.contact_id
       where s.state = 'recipient' and s.seq > ? order by s.seq limit ${CHUNK}`,
    );
    let after = 0;
    for (;;) {
      const rows = next.all(after) as (Omit<Recipient, 'data'> & { seq: number; data: string })[];
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      for (const { seq: _seq, data, ...row } of rows) {
        yield { ...row, data: JSON.parse(data) as Record<string, string> };
      }
    }
  }

  /** The highest seq staged: newJobs walks 1…last in ranges. */
  lastSeq(): number {
    return (
      (this.sqlite.prepare(`select max(seq) from ${this.table}`).pluck().get() as number | null) ??
      0
    );
  }

  dispose(): void {
    this.sqlite.exec(`drop table if exists temp.${this.table}`);
  }
}

/** Whether an address was sent a mail within the window (the index on address and sent_at). */
function recentlyMailedLookup(
  sqlite: Database.Database,
  hours: number,
  now: number,
): (normalizedEmail: string) => boolean {
  if (hours <= 0) return () => false;
  const since = now - hours * HOUR;
  const hit = sqlite.prepare(
    `select 1 from send_jobs where normalized_email = ? and sent_at > ? and state = 'sent' limit 1`,
  );
  return (normalizedEmail) => hit.get(normalizedEmail, since) !== undefined;
}

function recipientList(length: () => number, read: () => Iterator<Recipient>): RecipientList {
  return {
    get length() {
      return length();
    },
    [Symbol.iterator]: read,
  };
}
