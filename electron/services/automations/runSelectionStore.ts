import type Database from 'better-sqlite3';

/** A selection a birthday run may copy from, as stored (JSON columns left as text). */
export interface SourceSelection {
  id: string;
  description: string;
  mapping: string;
  extra_columns: string;
  consent_confirmed_at: number;
  created_at: number;
}

export interface StoredContact {
  email: string;
  normalized_email: string;
  data: string;
  row_number: number;
}

/**
 * The selections and contacts the automations read and make: the till file's earlier imports,
 * a birthday run's own selection, and leaving out who a run must not mail.
 */
export class RunSelectionStore {
  constructor(private readonly sqlite: Database.Database) {}

  /** Recent selections with the file they came from, newest first. */
  recentFiles(limit = 200): { id: string; fileName: string }[] {
    return this.sqlite
      .prepare('select id, file_name as fileName from selections order by created_at desc limit ?')
      .all(limit) as { id: string; fileName: string }[];
  }

  /** The shop's own selections (never a run's), newest first. */
  shopSelections(): SourceSelection[] {
    return this.sqlite
      .prepare(
        `select id, description, mapping, extra_columns, consent_confirmed_at, created_at
         from selections
         where id not in (select selection_id from automation_runs where selection_id is not null)
         order by created_at desc, id`,
      )
      .all() as SourceSelection[];
  }

  contactsOf(selectionId: string): StoredContact[] {
    return this.sqlite
      .prepare(
        'select email, normalized_email, data, row_number from contacts where selection_id = ?',
      )
      .all(selectionId) as StoredContact[];
  }

  /** A new selection holding copies of `contacts`; call inside the run's transaction. */
  insertSelection(
    selection: Omit<SourceSelection, 'created_at'> & { createdAt: number },
    contacts: readonly StoredContact[],
  ): void {
    this.sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
           count, consent_confirmed_at) values (?, ?, '', ?, ?, ?, ?, ?)`,
      )
      .run(
        selection.id,
        selection.description,
        selection.createdAt,
        selection.mapping,
        selection.extra_columns,
        contacts.length,
        selection.consent_confirmed_at,
      );
    const insertContact = this.sqlite.prepare(
      `insert into contacts (selection_id, email, normalized_email, data, row_number)
       values (?, ?, ?, ?, ?)`,
    );
    for (const c of contacts)
      insertContact.run(selection.id, c.email, c.normalized_email, c.data, c.row_number);
  }

  contactCount(selectionId: string): number {
    return this.sqlite
      .prepare('select count(*) from contacts where selection_id = ?')
      .pluck()
      .get(selectionId) as number;
  }

  /** Each contact with its e-mail address and columns, in import order. */
  keyedContacts(selectionId: string): { id: number; email: string; data: string }[] {
    return this.sqlite
      .prepare(
        'select id, normalized_email as email, data from contacts where selection_id = ? order by id',
      )
      .all(selectionId) as { id: number; email: string; data: string }[];
  }

  /** Takes contacts out of their selection and keeps its count right, in one transaction. */
  removeContacts(selectionId: string, contactIds: readonly number[]): void {
    const remove = this.sqlite.prepare('delete from contacts where id = ?');
    this.sqlite.transaction(() => {
      for (const id of contactIds) remove.run(id);
      this.sqlite
        .prepare(
          'update selections set count = (select count(*) from contacts where selection_id = ?) where id = ?',
        )
        .run(selectionId, selectionId);
    })();
  }

  attach(mailingId: string, selectionId: string): void {
    this.sqlite
      .prepare('insert into mailing_selections (mailing_id, selection_id) values (?, ?)')
      .run(mailingId, selectionId);
  }

  transaction(work: () => void): void {
    this.sqlite.transaction(work)();
  }
}
