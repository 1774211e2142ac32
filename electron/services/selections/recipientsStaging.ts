import type { AppContext } from '../core/appContext';
import { Turns } from '../core/turns';
import { followUpAudience } from '../followUps/audience';
import { segmentQueries } from '../segments/mailingSegment';
import {
  attachedSelections,
  type Recipient,
  type RecipientList,
  type RecipientsAnswer,
} from './recipients';
import { RecipientsStagingStore, type ContactsQuery } from './recipientsStagingStore';

/** Contact ids per staging statement: a few milliseconds of SQL between the event loop's turns. */
const IDS_PER_STATEMENT = 2000;
/** Recipients read back per statement. */
const CHUNK = 500;
/** Audience addresses written per statement. */
const AUDIENCE_CHUNK = 2000;

/**
 * A send's recipients as resolveRecipients finds them (newest selection first, each address once,
 * no suppressed address, fair use, segment and follow-up audience), but kept in a TEMP table of
 * contact ids instead of objects in memory: built by INSERT … SELECT over ranges of contact ids
 * (every rule decided in SQL, RecipientsStagingStore) with turns of the event loop between them,
 * read back in chunks, and turned into jobs by INSERT … SELECT (newJobs.ts). So a send of 100,000
 * holds no list of its recipients, and the checklist's pass and the jobs come from this one
 * answer.
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
    private readonly store: RecipientsStagingStore,
    readonly fairUseHours: number,
  ) {}

  /** temp.<table>: seq (the order jobs are made in), normalized_email (unique), contact_id, state. */
  get table(): string {
    return this.store.table;
  }

  static async stage(
    context: AppContext,
    mailingId: string,
    options: { fairUseHours?: number; now?: number } = {},
  ): Promise<StagedRecipients> {
    const sqlite = context.database.sqlite;
    const now = options.now ?? context.clock.now();
    const fairUseHours = options.fairUseHours ?? context.settings.read().limits.fairUseHours;
    const audience = followUpAudience(sqlite, mailingId);
    const store = new RecipientsStagingStore(sqlite, {
      fairUseHours,
      now,
      audience: audience !== null,
    });
    const staged = new StagedRecipients(store, fairUseHours);
    try {
      await staged.fill(context, mailingId, audience);
    } catch (error) {
      staged.dispose();
      throw error;
    }
    return staged;
  }

  private async fill(
    context: AppContext,
    mailingId: string,
    audience: Set<string> | null,
  ): Promise<void> {
    const { sqlite } = context.database;
    const { store } = this;
    const turns = new Turns();
    if (audience) {
      const emails = [...audience];
      for (let i = 0; i < emails.length; i += AUDIENCE_CHUNK) {
        store.addToAudience(emails.slice(i, i + AUDIENCE_CHUNK));
        await turns.pause();
      }
    }
    const attached = attachedSelections(sqlite, mailingId);
    const segment = segmentQueries(
      sqlite,
      mailingId,
      attached.map((s) => s.id),
    );
    let considered = 0;
    let staged = 0;
    for (const selection of attached) {
      const ids = store.idRange(selection.id);
      if (!ids) continue;
      const query: ContactsQuery = segment?.get(selection.id) ?? {
        from: 'from contacts c where c.selection_id = @selectionId',
        params: { selectionId: selection.id },
      };
      const statements = store.stagingOf(query);
      let within = 0;
      for (let after = ids.first - 1; after < ids.last; after += IDS_PER_STATEMENT) {
        const until = after + IDS_PER_STATEMENT;
        staged += statements.stage(after, until);
        // Outside the audience counts as not in the selection at all (neither sent nor skipped).
        considered += statements.count(after, until, audience !== null);
        if (segment) within += statements.count(after, until, false);
        // Counted range by range: the range's rows are still in SQLite's cache.
        store.countNewlyStaged();
        await turns.pause();
      }
      if (segment) this.outsideSegment += store.countSelection(selection.id) - within;
    }
    const counts = store.stateCounts();
    this.recipientCount = counts.recipient;
    this.skipped.duplicates.length = considered - staged;
    this.skipped.suppressed.length = counts.suppressed;
    this.skipped.recentlyMailed.length = counts.recentlyMailed;
  }

  /** The recipients in order, their data parsed, read CHUNK at a time (no statement left open). */
  private *read(): Generator<Recipient> {
    let after = 0;
    for (;;) {
      const rows = this.store.readRecipients(after, CHUNK);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      for (const row of rows) {
        // Built field by field: no rest and spread objects per row (100,000 of them per send).
        yield {
          contactId: row.contactId,
          email: row.email,
          normalizedEmail: row.normalizedEmail,
          data: JSON.parse(row.data) as Record<string, string>,
        };
      }
    }
  }

  /** The highest seq staged: newJobs walks 1…last in ranges. */
  lastSeq(): number {
    return this.store.lastSeq();
  }

  dispose(): void {
    this.store.drop();
  }
}

function recipientList(length: () => number, read: () => Iterator<Recipient>): RecipientList {
  return {
    get length() {
      return length();
    },
    [Symbol.iterator]: read,
  };
}
