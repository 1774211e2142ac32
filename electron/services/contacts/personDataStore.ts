import type Database from 'better-sqlite3';
import type { ContactExportT } from '../../contract/contacts';
import { weakCache } from '../render/weakCache';

/** What erasing one person changed, beside the suppression list. */
export interface ErasedRows {
  contactsRemoved: number;
  sendJobsAnonymised: number;
  eventsAnonymised: number;
  bouncesAnonymised: number;
}

type ExportedRows = Omit<ContactExportT, 'email' | 'exportedAt' | 'suppression'>;

const parse = (json: string) => JSON.parse(json) as Record<string, string>;

/** The rows erasure changes, prepared together the first time a connection erases. */
function erasureStatements(sqlite: Database.Database) {
  return {
    bySelection: sqlite.prepare(
      `select selection_id as id, count(*) as n from contacts where normalized_email = ?
       group by selection_id`,
    ),
    removeContacts: sqlite.prepare('delete from contacts where normalized_email = ?'),
    recount: sqlite.prepare('update selections set count = count - ? where id = ?'),
    anonymiseEvents: sqlite.prepare(
      `update events set recipient_id = null, detail = '' where recipient_id in
         (select recipient_id from send_jobs where normalized_email = ?)`,
    ),
    // A bounce's diagnostic text often quotes the address ("550 <els@…>: user unknown").
    clearBounceDetail: sqlite.prepare(
      `update stats_recipients set bounce_detail = null where recipient_id in
         (select recipient_id from send_jobs where normalized_email = ?)`,
    ),
    clearPauseDetail: sqlite.prepare(
      `update sends set pause_detail = replace(lower(pause_detail), ?, '')
       where instr(lower(pause_detail), ?) > 0`,
    ),
    anonymiseJobs: sqlite.prepare(
      `update send_jobs set email = ?, normalized_email = ?, data = '{}', last_error = null
       where normalized_email = ?`,
    ),
    anonymiseBounces: sqlite.prepare(
      `update bounce_messages set email = null, reason = '', subject = '' where email = ?`,
    ),
    removeResubscribeRequests: sqlite.prepare(
      'delete from resubscribe_requests where normalized_email = ?',
    ),
    clearSoftBounceReason: sqlite.prepare(
      `update soft_bounces set last_reason = '' where email_hash = ?`,
    ),
  };
}

/** Everything held about one address, prepared the first time a connection exports. */
function exportStatements(sqlite: Database.Database) {
  return {
    selections: sqlite.prepare(
      `select s.id as selectionId, s.description, s.created_at as createdAt,
              s.consent_confirmed_at as consentConfirmedAt, c.row_number as rowNumber, c.data
       from contacts c join selections s on s.id = c.selection_id
       where c.normalized_email = ? order by s.created_at, c.row_number`,
    ),
    sendJobs: sqlite.prepare(
      `select j.mailing_id as mailingId, coalesce(m.subject, '') as subject, j.state,
              j.sent_at as sentAt, j.data
       from send_jobs j left join mailings m on m.id = j.mailing_id
       where j.normalized_email = ? order by j.id`,
    ),
    events: sqlite.prepare(
      `select mailing_id as mailingId, kind, at from events where recipient_id in
         (select recipient_id from send_jobs where normalized_email = ?) order by at`,
    ),
    bounces: sqlite.prepare(
      `select kind, processed_at as processedAt, status, reason from bounce_messages
       where email = ? order by processed_at`,
    ),
    softBounces: sqlite.prepare(
      `select count, last_at as lastAt, last_reason as lastReason from soft_bounces
       where email_hash = ?`,
    ),
    resubscribeRequests: sqlite.prepare(
      `select requested_at as requestedAt, confirmed_at as confirmedAt from resubscribe_requests
       where normalized_email = ? order by requested_at`,
    ),
  };
}

/**
 * One person's rows across the database, found by address (or its hash): read for the export
 * (AVG: right of access), erased for erasure, and the file rewritten so nothing removed stays in
 * it. Erasure also runs on backups made by older versions, so each use prepares its own
 * statements when first needed: an export column a backup lacks cannot stop its erasure.
 */
export class PersonDataStore {
  private erasure: ReturnType<typeof erasureStatements> | undefined;
  private exported: ReturnType<typeof exportStatements> | undefined;
  private selectionCount: Database.Statement | undefined;

  constructor(private readonly sqlite: Database.Database) {}

  /**
   * Runs `erase` with secure_delete on, so SQLite overwrites what it removes instead of leaving
   * it in free space inside the pages; the connection's previous setting comes back after.
   */
  withSecureDelete<T>(erase: () => T): T {
    const previous = this.sqlite.pragma('secure_delete', { simple: true }) as number;
    this.sqlite.pragma('secure_delete = ON');
    try {
      return erase();
    } finally {
      this.sqlite.pragma(`secure_delete = ${previous}`);
    }
  }

  /**
   * Removes the person from every selection (their counts follow) and leaves their place in the
   * send history under `marker`, without address, data, events' details or bounce texts.
   */
  eraseRows(normalized: string, hash: string, marker: string): ErasedRows {
    const s = (this.erasure ??= erasureStatements(this.sqlite));
    const bySelection = s.bySelection.all(normalized) as { id: string; n: number }[];
    const contactsRemoved = s.removeContacts.run(normalized).changes;
    for (const selection of bySelection) s.recount.run(selection.n, selection.id);
    const eventsAnonymised = s.anonymiseEvents.run(normalized).changes;
    s.clearBounceDetail.run(normalized);
    s.clearPauseDetail.run(normalized, normalized);
    const sendJobsAnonymised = s.anonymiseJobs.run(marker, marker, normalized).changes;
    const bouncesAnonymised = s.anonymiseBounces.run(normalized).changes;
    s.removeResubscribeRequests.run(normalized);
    s.clearSoftBounceReason.run(hash);
    return { contactsRemoved, sendJobsAnonymised, eventsAnonymised, bouncesAnonymised };
  }

  /** Everything held about the person but their suppression entry. */
  exportRows(normalized: string, hash: string): ExportedRows {
    const s = (this.exported ??= exportStatements(this.sqlite));
    const selections = s.selections.all(normalized) as (Omit<
      ContactExportT['selections'][number],
      'data'
    > & { data: string })[];
    const sendJobs = s.sendJobs.all(normalized) as (Omit<
      ContactExportT['sendJobs'][number],
      'data'
    > & { data: string })[];
    const softBounces = s.softBounces.get(hash) as ContactExportT['softBounces'] | undefined;
    return {
      selections: selections.map((row) => ({ ...row, data: parse(row.data) })),
      softBounces: softBounces ?? null,
      resubscribeRequests: s.resubscribeRequests.all(
        normalized,
      ) as ContactExportT['resubscribeRequests'],
      sendJobs: sendJobs.map((row) => ({ ...row, data: parse(row.data) })),
      events: s.events.all(normalized) as ContactExportT['events'],
      bounces: s.bounces.all(normalized) as ContactExportT['bounces'],
    };
  }

  /** In how many selections the address is. */
  selectionsWith(normalized: string): number {
    this.selectionCount ??= this.sqlite.prepare(
      'select count(distinct selection_id) as n from contacts where normalized_email = ?',
    );
    return (this.selectionCount.get(normalized) as { n: number }).n;
  }

  /**
   * Rewrites the database file so nothing removed survives anywhere in it: VACUUM builds every
   * page anew (free pages and old freeblocks included) and the checkpoint copies the result into
   * the file and empties the -wal, which still held the old page images. False when the
   * checkpoint could not finish; throws when VACUUM cannot run now.
   */
  compactFile(): boolean {
    this.sqlite.exec('VACUUM');
    const [result] = this.sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return result === undefined || result.busy === 0;
  }

  /** For a backup file: a rollback journal, so a rewrite leaves no -wal with old pages behind. */
  useRollbackJournal(): void {
    this.sqlite.pragma('journal_mode = DELETE');
  }

  /** Builds every page of the file anew. */
  vacuum(): void {
    this.sqlite.exec('VACUUM');
  }
}

/** One store per connection: the live database's statements are prepared once. */
export const personDataOf = weakCache((sqlite: Database.Database) => new PersonDataStore(sqlite));
