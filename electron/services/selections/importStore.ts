import type Database from 'better-sqlite3';
import { TEXT_SLOTS, VALUE_SLOTS } from '../../../db/schema/segmentSlots';
import type { SelectionToStore } from './worker/protocol';

/** contact_fields' slots in table order: v0…, then t0…. */
export const SLOTS = [
  ...Array.from({ length: VALUE_SLOTS }, (_, i) => `v${i}`),
  ...Array.from({ length: TEXT_SLOTS }, (_, i) => `t${i}`),
];
/** Values per contact row: id, email, normalized address, data, row number. */
export const CONTACT_WIDTH = 5;
const CONTACT_COLUMNS = ['email', 'normalized_email', 'data', 'row_number'];
/** Contacts read back at a time (merges' own rows, cells typed again at the end). */
const READ_BATCH = 5000;

/**
 * The SQL of an import, on the import worker's own connection: the selection while it is being
 * imported (`importing = 1`, which every reader leaves out), its contacts and their typed cells
 * written once, straight into `contacts` and `contact_fields`, and the last statement that makes
 * it visible; or its removal when the import fails.
 */
export class ImportStore {
  /** Multi-row inserts by their columns and row count. */
  private readonly inserts = new Map<string, Database.Statement>();
  private readonly ofSelection: { s: string };
  private readonly updateSlot = new Map<string, Database.Statement>();
  private readonly nextIdOf: Database.Statement;
  private readonly contactOf: Database.Statement;
  private readonly dataWrite: Database.Statement;

  constructor(
    private readonly sqlite: Database.Database,
    readonly selectionId: string,
  ) {
    this.ofSelection = { s: selectionId };
    // AUTOINCREMENT's own rule: after the highest id ever given.
    this.nextIdOf = sqlite
      .prepare(
        `select 1 + max(coalesce((select seq from sqlite_sequence where name = 'contacts'), 0),
                        coalesce((select max(id) from contacts), 0))`,
      )
      .pluck();
    this.contactOf = sqlite.prepare(
      `select id, data from contacts
       where normalized_email = ? and selection_id = ? and row_number = ?`,
    );
    this.dataWrite = sqlite.prepare('update contacts set data = ? where id = ?');
  }

  /** The selection, invisible until `publish`. */
  createSelection(s: SelectionToStore): void {
    this.sqlite
      .prepare(
        `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
         count, consent_confirmed_at, importing) values (?, ?, ?, ?, ?, ?, 0, ?, 1)`,
      )
      .run(s.id, s.description, s.fileName, s.createdAt, s.mapping, s.extraColumns, s.createdAt);
  }

  /** Inside a write transaction: the id the next contact gets. */
  nextContactId(): number {
    return this.nextIdOf.get() as number;
  }

  /** `rows` contacts, CONTACT_WIDTH values each: id, email, normalized address, data, row. */
  writeContacts(values: unknown[], rows: number): void {
    this.multiRow('contacts', CONTACT_COLUMNS, rows).run(values, this.ofSelection);
  }

  /**
   * `rows` typed-cell rows of these slots (the others stay null), 1 + slots.length values each:
   * the contact's id, then the slots' values.
   */
  writeCells(slots: readonly string[], values: unknown[], rows: number): void {
    this.multiRow('contact_fields', slots, rows).run(values, this.ofSelection);
  }

  /** This selection's contact of that address and row, if it is still there. */
  contact(normalizedEmail: string, rowNumber: number): { id: number; data: string } | undefined {
    return this.contactOf.get(normalizedEmail, this.selectionId, rowNumber) as
      { id: number; data: string } | undefined;
  }

  writeData(id: number, data: string): void {
    this.dataWrite.run(data, id);
  }

  writeSlot(id: number, slot: string, value: unknown): void {
    let update = this.updateSlot.get(slot);
    if (!update) {
      update = this.sqlite.prepare(`update contact_fields set ${slot} = ? where contact_id = ?`);
      this.updateSlot.set(slot, update);
    }
    update.run(value, id);
  }

  /** A page of this selection's contacts with ids in (after, upTo], in id order. */
  contactsBetween(after: number, upTo: number): { id: number; data: string }[] {
    return this.sqlite
      .prepare(
        `select id, data from contacts where selection_id = ? and id > ? and id <= ?
         order by id limit ${READ_BATCH}`,
      )
      .all(this.selectionId, after, upTo) as { id: number; data: string }[];
  }

  /** A contact's typed cells afresh: its id, then a value for each of SLOTS. */
  replaceCells(values: unknown[]): void {
    this.multiRow('contact_fields', SLOTS, 1, 'insert or replace').run(values, this.ofSelection);
  }

  /** The import's last statements: its column types, its count, and visible from now on. */
  publish(columns: string): void {
    this.sqlite
      .prepare('insert or replace into selection_column_types (selection_id, types) values (?, ?)')
      .run(this.selectionId, columns);
    this.sqlite
      .prepare(
        `update selections set importing = 0,
         count = (select count(*) from contacts where selection_id = @id) where id = @id`,
      )
      .run({ id: this.selectionId });
  }

  /** `verb into table (first, selection_id, columns…) values (?, @s, ?…), …` for `rows` rows. */
  private multiRow(
    table: 'contacts' | 'contact_fields',
    columns: readonly string[],
    rows: number,
    verb = 'insert',
  ): Database.Statement {
    const key = `${verb} ${table} ${columns.join()} ${rows}`;
    let statement = this.inserts.get(key);
    if (!statement) {
      const first = table === 'contacts' ? 'id' : 'contact_id';
      const row = `(?, @s${', ?'.repeat(columns.length)})`;
      statement = this.sqlite.prepare(
        `${verb} into ${table} (${[first, 'selection_id', ...columns].join(', ')})
         values ${new Array(rows).fill(row).join(', ')}`,
      );
      this.inserts.set(key, statement);
    }
    return statement;
  }
}

/** Rows deleted per transaction when an import is taken away, so other writers wait briefly. */
const DELETE_BATCH = 5000;

/**
 * Removes a selection that never finished importing, a few thousand contacts per transaction
 * (their typed cells go with them, ON DELETE CASCADE), the selection last. Returns whether there
 * was one.
 */
export function removeImport(sqlite: Database.Database, selectionId: string): boolean {
  const isImporting = sqlite
    .prepare('select 1 from selections where id = ? and importing = 1')
    .pluck();
  if (isImporting.get(selectionId) === undefined) return false;
  const batch = sqlite.prepare(
    `delete from contacts where id in
     (select id from contacts where selection_id = ? limit ${DELETE_BATCH})`,
  );
  while (sqlite.transaction(() => batch.run(selectionId).changes)() > 0);
  sqlite.prepare('delete from selections where id = ? and importing = 1').run(selectionId);
  return true;
}

/** At start: what imports cut off by a crash or a kill left behind. No import runs yet. */
export function removeUnfinishedImports(sqlite: Database.Database): number {
  const left = sqlite
    .prepare('select id from selections where importing = 1')
    .pluck()
    .all() as string[];
  for (const id of left) removeImport(sqlite, id);
  return left.length;
}
