import type Database from 'better-sqlite3';
import type { ColumnTargetT } from '../../contract/selections';
import { weakCache } from '../render/weakCache';
import type { SegmentQuery } from '../segments/store/segmentQueries';

/** A selection as stored (its JSON columns left as text). */
export interface SelectionRow {
  id: string;
  createdAt: number;
  description: string;
  fileName: string;
  count: number;
  consentConfirmedAt: number;
  extraColumns: string;
  mapping: string;
  columnTypes: string | null;
}

export interface Recipient {
  contactId: number;
  email: string;
  normalizedEmail: string;
  data: Record<string, string>;
}

export interface AttachedSelection {
  id: string;
  description: string;
}

/** One page of a selection's contacts as step 2 lists them. */
export interface ListedContact {
  id: number;
  email: string;
  rowNumber: number;
  data: Record<string, string>;
}

/** An entry of the suppression list as the look-ups need it (also sent to the import worker). */
export interface SuppressionEntry {
  email: string | null;
  hash: string;
  reason: string;
}

const SELECTION = `id, created_at as createdAt, description, file_name as fileName, count,
  consent_confirmed_at as consentConfirmedAt, extra_columns as extraColumns, mapping,
  (select types from selection_column_types where selection_id = selections.id) as columnTypes`;

/** The data of a contact read without it (contactAddresses): shared, never written to. */
export const NO_DATA: Record<string, string> = Object.freeze({});

const CONTACT = 'c.id, c.email, c.normalized_email as normalizedEmail, c.data';
const ALL_OF_SELECTION = 'from contacts c where c.selection_id = @selectionId';

interface ContactRow {
  id: number;
  email: string;
  normalizedEmail: string;
  data: string;
}

/**
 * The selections' tables (selections, contacts, mailing_selections, import_mappings) and what
 * choosing recipients reads beside them: the mailing's draft state, the suppression list and
 * the addresses mailed recently. The import's own writes are in importStagingStore.ts.
 */
export class SelectionStore {
  private readonly s;

  constructor(private readonly sqlite: Database.Database) {
    this.s = {
      all: sqlite.prepare(`select ${SELECTION} from selections order by created_at desc, id`),
      one: sqlite.prepare(`select ${SELECTION} from selections where id = ?`),
      contactsPage: sqlite.prepare(
        `select id, email, row_number as rowNumber, data from contacts where selection_id = ?
         order by row_number limit ? offset ?`,
      ),
      contactCount: sqlite.prepare('select count(*) from contacts where selection_id = ?').pluck(),
      // Contacts are stored in row order, so id order is row order and the index needs no sort.
      contacts: sqlite.prepare(`select ${CONTACT} ${ALL_OF_SELECTION} order by c.id`),
      addresses: sqlite.prepare(
        `select c.id, c.email, c.normalized_email as normalizedEmail ${ALL_OF_SELECTION}
         order by c.id`,
      ),
      dataOf: sqlite.prepare(
        'select id, data from contacts where id in (select value from json_each(?))',
      ),
      createdUpTo: sqlite.prepare('select id from selections where created_at <= ?').pluck(),
      remove: sqlite.prepare('delete from selections where id = ?'),
      mailing: sqlite.prepare(
        'select status, template_key as templateKey from mailings where id = ?',
      ),
      mailingExists: sqlite.prepare('select 1 from mailings where id = ?'),
      attached: sqlite.prepare(
        `select s.id, s.description from selections s
         where s.id in (select selection_id from mailing_selections where mailing_id = ?)
         order by s.created_at desc, s.id`,
      ),
      attachedIds: sqlite
        .prepare('select selection_id from mailing_selections where mailing_id = ?')
        .pluck(),
      detach: sqlite.prepare('delete from mailing_selections where mailing_id = ?'),
      attach: sqlite.prepare(
        'insert into mailing_selections (mailing_id, selection_id) values (?, ?)',
      ),
      sentSince: sqlite.prepare(
        `select normalized_email as email, max(sent_at) as sentAt from send_jobs
         where state = 'sent' and sent_at > ? group by normalized_email`,
      ),
      suppression: sqlite.prepare(
        'select normalized_email as email, email_hash as hash, reason from suppression',
      ),
      mapping: sqlite.prepare('select mapping from import_mappings where signature = ?').pluck(),
      rememberMapping: sqlite.prepare(
        `insert into import_mappings (signature, mapping, updated_at) values (?, ?, ?)
         on conflict(signature) do update set mapping = excluded.mapping, updated_at = excluded.updated_at`,
      ),
    };
  }

  /** Every selection, newest first. */
  selections(): SelectionRow[] {
    return this.s.all.all() as SelectionRow[];
  }

  selection(id: string): SelectionRow | undefined {
    return this.s.one.get(id) as SelectionRow | undefined;
  }

  /** A page of a selection's contacts in file order. */
  contactsPage(selectionId: string, limit: number, offset: number): ListedContact[] {
    const rows = this.s.contactsPage.all(selectionId, limit, offset) as (Omit<
      ListedContact,
      'data'
    > & { data: string })[];
    return rows.map((c) => ({ ...c, data: JSON.parse(c.data) as Record<string, string> }));
  }

  contactCount(selectionId: string): number {
    return this.s.contactCount.get(selectionId) as number;
  }

  /** One selection's contacts in file order, their data parsed; within the segment when given. */
  contacts(selectionId: string, segment?: SegmentQuery): Recipient[] {
    // A segment's query is its own statement (its slots and values); all contacts are one.
    const rows = segment
      ? this.sqlite
          .prepare(`select ${CONTACT} ${segment.from} order by c.id`)
          .iterate(segment.params)
      : this.s.contacts.iterate({ selectionId });
    const contacts: Recipient[] = [];
    for (const row of rows as Iterable<ContactRow>) {
      contacts.push({
        contactId: row.id,
        email: row.email,
        normalizedEmail: row.normalizedEmail,
        data: JSON.parse(row.data) as Record<string, string>,
      });
    }
    return contacts;
  }

  /**
   * One selection's contacts in file order without their data (`NO_DATA`): what step 3's kept
   * answer needs to de-duplicate and exclude, at a third of the memory.
   */
  contactAddresses(selectionId: string): Recipient[] {
    const contacts: Recipient[] = [];
    for (const row of this.s.addresses.iterate({ selectionId }) as Iterable<
      Omit<ContactRow, 'data'>
    >) {
      contacts.push({
        contactId: row.id,
        email: row.email,
        normalizedEmail: row.normalizedEmail,
        data: NO_DATA,
      });
    }
    return contacts;
  }

  /** These contacts' data, parsed, by contact id. */
  contactData(contactIds: readonly number[]): Map<number, Record<string, string>> {
    const rows = this.s.dataOf.all(JSON.stringify(contactIds)) as { id: number; data: string }[];
    return new Map(rows.map((r) => [r.id, JSON.parse(r.data) as Record<string, string>]));
  }

  /** Removes the selections created at or before `cutoff` (contacts and links cascade). */
  removeCreatedUpTo(cutoff: number): number {
    return this.sqlite.transaction(() => {
      const expired = this.s.createdUpTo.all(cutoff) as string[];
      for (const id of expired) this.s.remove.run(id);
      return expired.length;
    })();
  }

  mailing(mailingId: string): { status: string; templateKey: string | null } | undefined {
    return this.s.mailing.get(mailingId) as
      { status: string; templateKey: string | null } | undefined;
  }

  mailingExists(mailingId: string): boolean {
    return this.s.mailingExists.get(mailingId) !== undefined;
  }

  /** The mailing's selections, newest first (the order de-duplication keeps). */
  attachedSelections(mailingId: string): AttachedSelection[] {
    return this.s.attached.all(mailingId) as AttachedSelection[];
  }

  /** The ids of the mailing's selections, in the order they were attached. */
  attachedSelectionIds(mailingId: string): string[] {
    return this.s.attachedIds.all(mailingId) as string[];
  }

  /** Replaces the mailing's selections. */
  attachSelections(mailingId: string, selectionIds: readonly string[]): void {
    this.sqlite.transaction(() => {
      this.s.detach.run(mailingId);
      for (const id of selectionIds) this.s.attach.run(mailingId, id);
    })();
  }

  /** Addresses with a mail actually sent after `since`, with the latest moment. */
  sentSince(since: number): Map<string, number> {
    const map = new Map<string, number>();
    for (const row of this.s.sentSince.all(since) as { email: string; sentAt: number }[])
      map.set(row.email, row.sentAt);
    return map;
  }

  suppressionEntries(): SuppressionEntry[] {
    return this.s.suppression.all() as SuppressionEntry[];
  }

  /** The mapping remembered for files with this header signature, as stored. */
  rememberedMapping(signature: string): ColumnTargetT[] | undefined {
    const stored = this.s.mapping.get(signature) as string | undefined;
    return stored === undefined ? undefined : (JSON.parse(stored) as ColumnTargetT[]);
  }

  rememberMapping(signature: string, targets: readonly ColumnTargetT[], now: number): void {
    this.s.rememberMapping.run(signature, JSON.stringify(targets), now);
  }
}

/**
 * The connection's selection store, made at first use: its statements are prepared once. Marked
 * pure so the import worker's bundle, which takes only `lookupIn` of suppressedLookup.ts, leaves
 * the store out.
 */
export const selectionStoreOf = /* @__PURE__ */ weakCache(
  (sqlite: Database.Database) => new SelectionStore(sqlite),
);
