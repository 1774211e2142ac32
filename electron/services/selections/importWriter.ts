import { typedValue, type SelectionColumns } from '../segments/typedValues';
import type { ContactSink } from './importPlan';
import { CONTACT_WIDTH, type ImportStore, SLOTS } from './importStore';
import { StagedTypes } from './stagedTypes';

/** Rows per insert statement: one statement per row costs more in binding than in storing. */
const ROWS_PER_INSERT = 32;

/** Contacts written while one layout of the typed cells held (StagedTypes.layout). */
interface Epoch {
  firstId: number;
  /** Per field its slot's place in SLOTS, -1 for none. */
  layout: Int8Array;
  /** The fields with a slot, and their slots: what a typed-cells row holds after the id. */
  fields: number[];
  slots: string[];
}

/**
 * A file's accepted contacts, written once, straight into `contacts` with their typed cells in
 * `contact_fields` (stagedTypes.ts), under the selection the import keeps invisible until its
 * end. The writer asks `inTransaction` for an open write transaction before it writes (the worker
 * commits one every few thousand rows), and takes the contacts' ids itself, after the highest
 * ever given (AUTOINCREMENT's rule), so each contact's typed cells go in beside it.
 * A column whose type changes moves slots (slotColumns): the contacts written before the change
 * have their typed cells worked out again from their data at the end (`finish`); with real
 * exports that is a few rows at the top, or none.
 */
export class ImportWriter {
  readonly sink: ContactSink;
  private readonly types: StagedTypes;
  /** Rows waiting for the next multi-row insert, value after value. */
  private readonly contacts = new Array<unknown>(ROWS_PER_INSERT * CONTACT_WIDTH);
  private cells: unknown[] = [];
  private readonly typed: (number | string | null)[];
  private pendingRows = 0;
  private nextId = 0;
  private readonly epochs: Epoch[] = [];
  /** Contacts of an earlier epoch that a duplicate filled in: typed again at the end. */
  private readonly mergedEarlier = new Set<number>();

  constructor(
    private readonly store: ImportStore,
    fieldNames: readonly string[],
    /** Opens the write transaction if none is open; true when it just did. */
    private readonly inTransaction: () => boolean,
  ) {
    this.types = new StagedTypes(fieldNames);
    this.typed = fieldNames.map(() => null);
    this.sink = {
      add: (rowNumber, email, normalizedEmail, data, values) => {
        this.begin();
        for (let i = 0; i < values.length; i += 1) this.typed[i] = this.types.type(i, values[i]!);
        if (this.types.layoutChanged) this.newEpoch();
        const id = this.nextId++;
        let at = this.pendingRows * CONTACT_WIDTH;
        const contacts = this.contacts;
        contacts[at++] = id;
        contacts[at++] = email;
        contacts[at++] = normalizedEmail;
        contacts[at++] = data;
        contacts[at] = rowNumber;
        const { fields } = this.epochs[this.epochs.length - 1]!;
        const cells = this.cells;
        at = this.pendingRows * (1 + fields.length);
        cells[at++] = id;
        for (let i = 0; i < fields.length; i += 1) cells[at++] = this.typed[fields[i]!];
        this.pendingRows += 1;
        if (this.pendingRows === ROWS_PER_INSERT) this.flush();
      },
      merge: (firstRow, normalizedEmail, later) => {
        this.begin();
        this.flush();
        const contact = this.store.contact(normalizedEmail, firstRow);
        if (!contact) return;
        const data = JSON.parse(contact.data) as Record<string, string>;
        const filled: [number, number | string | null][] = [];
        fieldNames.forEach((name, i) => {
          const value = later[name] ?? '';
          if ((data[name] ?? '') !== '' || value === '') return;
          data[name] = value;
          filled.push([i, this.types.type(i, value)]);
        });
        if (filled.length === 0) return;
        this.store.writeData(contact.id, JSON.stringify(data));
        if (this.types.layoutChanged) this.newEpoch();
        const epoch = this.epochs[this.epochs.length - 1]!;
        if (contact.id < epoch.firstId) {
          this.mergedEarlier.add(contact.id);
          return;
        }
        for (const [field, value] of filled)
          if (epoch.layout[field]! >= 0)
            this.store.writeSlot(contact.id, SLOTS[epoch.layout[field]!]!, value);
      },
      hasAddress: (firstRow, normalizedEmail) => {
        this.begin();
        this.flush();
        return this.store.contact(normalizedEmail, firstRow) !== undefined;
      },
    };
  }

  /** Before a commit: the rows still waiting. */
  flush(): void {
    const rows = this.pendingRows;
    if (rows === 0) return;
    const { slots } = this.epochs[this.epochs.length - 1]!;
    const full = rows === ROWS_PER_INSERT;
    const contacts = full ? this.contacts : this.contacts.slice(0, rows * CONTACT_WIDTH);
    const cells = full ? this.cells : this.cells.slice(0, rows * (1 + slots.length));
    this.store.writeContacts(contacts, rows);
    this.store.writeCells(slots, cells, rows);
    this.pendingRows = 0;
  }

  /**
   * After the last row, inside a write transaction: the contacts written under another layout
   * than the final one (or a column typed as text in the end) typed again from their data.
   * Returns the selection's columns as `selection_column_types` keeps them.
   */
  finish(): string {
    this.begin();
    this.flush();
    const { columns } = this.types.columns();
    const final = this.types.layout();
    const same = (layout: Int8Array) => layout.every((slot, i) => slot === final[i]);
    const retype = (after: number, upTo: number) => {
      for (;;) {
        this.begin();
        const page = this.store.contactsBetween(after, upTo);
        if (page.length === 0) return;
        for (const { id, data } of page) this.retypeContact(id, data, final, columns);
        after = page[page.length - 1]!.id;
      }
    };
    if (this.types.retypeAsText().length > 0) retype(0, Number.MAX_SAFE_INTEGER);
    else {
      this.epochs.forEach((epoch, i) => {
        const next = this.epochs[i + 1]?.firstId ?? Number.MAX_SAFE_INTEGER;
        if (!same(epoch.layout)) retype(epoch.firstId - 1, next - 1);
        else
          for (const id of this.mergedEarlier)
            if (id >= epoch.firstId && id < next) retype(id - 1, id);
      });
    }
    return JSON.stringify(columns);
  }

  private retypeContact(
    id: number,
    data: string,
    layout: Int8Array,
    columns: SelectionColumns,
  ): void {
    const cells = JSON.parse(data) as Record<string, string>;
    const values = new Array<unknown>(1 + SLOTS.length).fill(null);
    values[0] = id;
    this.types.names.forEach((name, field) => {
      if (layout[field]! >= 0)
        values[1 + layout[field]!] = typedValue(columns[name]!.type, cells[name]);
    });
    this.store.replaceCells(values);
  }

  /** A write transaction for the next row; a new one starts after the highest id given. */
  private begin(): void {
    if (!this.inTransaction()) return;
    this.nextId = this.store.nextContactId();
    if (this.epochs.length === 0) this.newEpoch();
  }

  /** The layout changed: rows written so far keep theirs, the next row starts the new one. */
  private newEpoch(): void {
    this.flush();
    const layout = this.types.layout();
    const fields = [...layout.keys()].filter((field) => layout[field]! >= 0);
    const slots = fields.map((field) => SLOTS[layout[field]!]!);
    this.cells = new Array<unknown>(ROWS_PER_INSERT * (1 + fields.length));
    this.epochs.push({ firstId: this.nextId, layout, fields, slots });
  }
}
