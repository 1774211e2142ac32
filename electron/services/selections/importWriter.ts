import { typedValue, type SelectionColumns } from '../segments/typedValues';
import type { ContactSink } from './importPlan';
import { CONTACT_WIDTH, type ImportStore, SLOTS } from './importStore';
import { StagedTypes } from './stagedTypes';

/** Rows per insert statement: one statement per row costs more in binding than in storing. */
const ROWS_PER_INSERT = 32;

/** Contacts written while one layout of the typed cells held (StagedTypes.layout). */
interface Epoch {
  /** Its first contact's id, once written (undefined: none written yet). */
  firstId?: number;
  /** Per field its slot's place in SLOTS, -1 for none. */
  layout: Int8Array;
  /** The fields with a slot, and their slots: what a typed-cells row holds after the id. */
  fields: number[];
  slots: string[];
}

/** Up to ROWS_PER_INSERT contacts read and typed, waiting for the next write. */
interface Batch {
  epoch: Epoch;
  rows: number;
  contacts: unknown[];
  cells: unknown[];
}

/**
 * A file's accepted contacts, written once, straight into `contacts` with their typed cells in
 * `contact_fields` (stagedTypes.ts), under the selection the import keeps invisible until its
 * end. Rows are read and typed without a lock and wait in memory; `write` takes the write lock
 * only to store what waits, in one short transaction (`inWrite`), so other writers of the app
 * find the lock free most of the time (a worker holding it while it read would starve them).
 * The writer gives the ids itself, after the highest ever given (AUTOINCREMENT's rule), so each
 * contact's typed cells go in beside it.
 * A column whose type changes moves slots (slotColumns): the contacts written before the change
 * have their typed cells worked out again from their data at the end (`finish`); with real
 * exports that is a few rows at the top, or none.
 */
export class ImportWriter {
  readonly sink: ContactSink;
  private readonly types: StagedTypes;
  private readonly typed: (number | string | null)[];
  private readonly waiting: Batch[] = [];
  private batch: Batch | undefined;
  private readonly epochs: Epoch[] = [];
  /** Contacts of an earlier epoch that a duplicate filled in: typed again at the end. */
  private readonly mergedEarlier = new Set<number>();

  constructor(
    private readonly store: ImportStore,
    fieldNames: readonly string[],
    /** Runs `write` in one write transaction (begin immediate … commit). */
    private readonly inWrite: (write: () => void) => void,
  ) {
    this.types = new StagedTypes(fieldNames);
    this.typed = fieldNames.map(() => null);
    this.newEpoch();
    this.sink = {
      add: (rowNumber, email, normalizedEmail, data, values) => {
        for (let i = 0; i < values.length; i += 1) this.typed[i] = this.types.type(i, values[i]!);
        if (this.types.layoutChanged) this.newEpoch();
        const epoch = this.epochs[this.epochs.length - 1]!;
        const fields = epoch.fields;
        let batch = this.batch;
        if (!batch) {
          batch = this.batch = {
            epoch,
            rows: 0,
            contacts: new Array<unknown>(ROWS_PER_INSERT * CONTACT_WIDTH),
            cells: new Array<unknown>(ROWS_PER_INSERT * (1 + fields.length)),
          };
        }
        // The ids (first value of each row) are given when the batch is written.
        let at = batch.rows * CONTACT_WIDTH + 1;
        const contacts = batch.contacts;
        contacts[at++] = email;
        contacts[at++] = normalizedEmail;
        contacts[at++] = data;
        contacts[at] = rowNumber;
        const cells = batch.cells;
        at = batch.rows * (1 + fields.length) + 1;
        for (let i = 0; i < fields.length; i += 1) cells[at++] = this.typed[fields[i]!];
        batch.rows += 1;
        if (batch.rows === ROWS_PER_INSERT) this.close();
      },
      merge: (firstRow, normalizedEmail, later) => {
        this.write();
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
        if (this.types.layoutChanged) this.newEpoch();
        const epoch = this.epochs[this.epochs.length - 1]!;
        const earlier = epoch.firstId === undefined || contact.id < epoch.firstId;
        if (earlier) this.mergedEarlier.add(contact.id);
        this.inWrite(() => {
          this.store.writeData(contact.id, JSON.stringify(data));
          if (earlier) return;
          for (const [field, value] of filled)
            if (epoch.layout[field]! >= 0)
              this.store.writeSlot(contact.id, SLOTS[epoch.layout[field]!]!, value);
        });
      },
      hasAddress: (firstRow, normalizedEmail) => {
        this.write();
        return this.store.contact(normalizedEmail, firstRow) !== undefined;
      },
    };
  }

  /** Stores the contacts read so far, in one short write transaction. */
  write(): void {
    this.close();
    if (this.waiting.length === 0) return;
    this.inWrite(() => {
      let id = this.store.nextContactId();
      for (const batch of this.waiting) {
        const { epoch, rows, contacts, cells } = batch;
        const width = 1 + epoch.fields.length;
        epoch.firstId ??= id;
        for (let row = 0; row < rows; row += 1) {
          contacts[row * CONTACT_WIDTH] = id;
          cells[row * width] = id;
          id += 1;
        }
        const full = rows === ROWS_PER_INSERT;
        this.store.writeContacts(full ? contacts : contacts.slice(0, rows * CONTACT_WIDTH), rows);
        this.store.writeCells(epoch.slots, full ? cells : cells.slice(0, rows * width), rows);
      }
    });
    this.waiting.length = 0;
  }

  /**
   * After the last row: the contacts written under another layout than the final one (or every
   * contact, when a column turned text in the end) typed again from their data, a few thousand
   * per transaction. Returns the selection's columns as `selection_column_types` keeps them.
   */
  finish(): string {
    this.write();
    const { columns } = this.types.columns();
    const final = this.types.layout();
    const same = (layout: Int8Array) => layout.every((slot, i) => slot === final[i]);
    const retype = (after: number, upTo: number) => {
      for (;;) {
        const page = this.store.contactsBetween(after, upTo);
        if (page.length === 0) return;
        this.inWrite(() => {
          for (const { id, data } of page) this.retypeContact(id, data, final, columns);
        });
        after = page[page.length - 1]!.id;
      }
    };
    const written = this.epochs.filter((epoch) => epoch.firstId !== undefined);
    if (this.types.retypeAsText().length > 0) retype(0, Number.MAX_SAFE_INTEGER);
    else {
      written.forEach((epoch, i) => {
        const first = epoch.firstId!;
        const next = written[i + 1]?.firstId ?? Number.MAX_SAFE_INTEGER;
        if (!same(epoch.layout)) retype(first - 1, next - 1);
        else for (const id of this.mergedEarlier) if (id >= first && id < next) retype(id - 1, id);
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

  /** The batch being filled joins those waiting for the next write. */
  private close(): void {
    if (this.batch) this.waiting.push(this.batch);
    this.batch = undefined;
  }

  /** The layout changed: rows read so far keep theirs, the next row starts the new one. */
  private newEpoch(): void {
    this.close();
    const layout = this.types.layout();
    const fields = [...layout.keys()].filter((field) => layout[field]! >= 0);
    const slots = fields.map((field) => SLOTS[layout[field]!]!);
    this.epochs.push({ layout, fields, slots });
  }
}
