import { ColumnTypeGuess, type ColumnType } from '../../contract/plain/columnValues';
import {
  isCondition,
  slotColumns,
  typedValue,
  type SelectionColumns,
} from '../segments/typedValues';
import { SLOTS } from './importStore';

/**
 * The typed cells of segments (segments/typedValues.ts) worked out while the file is read, so the
 * import never reads its contacts back to type them: each cell is typed by its column's guess so
 * far. A guess changes at most once after the first filled cell (a date or number column that
 * meets other text becomes text); such a column is typed again from the stored data at the end
 * (`retypeAsText`), which real exports seldom need. A later row of the same address fills empty
 * cells of its first row: those cells are typed with `type` as well.
 * Which slot a column takes depends on the types of all columns (slotColumns), so a type that
 * changes moves slots: `layoutChanged` tells the writer, `layout` gives the new one.
 */
export class StagedTypes {
  private readonly guesses: ColumnTypeGuess[];
  /** Per field: typed as a date or number at some point. */
  private readonly typedOnce: boolean[];
  /** Per field: its type when the layout was last taken. */
  private readonly typeOfLayout: ColumnType[];
  /** Some field's type differs from `typeOfLayout`. */
  layoutChanged = false;

  /** `names`: the contact's variables, in the order of its data. */
  constructor(readonly names: readonly string[]) {
    this.guesses = names.map(() => new ColumnTypeGuess());
    this.typedOnce = names.map(() => false);
    this.typeOfLayout = this.guesses.map((g) => g.type);
  }

  /** The cell's typed value by its column's guess so far (null for an empty cell). */
  type(field: number, value: string): number | string | null {
    const guess = this.guesses[field]!;
    // A date or number column's cell is typed by what the guess read; text is lowered.
    const read = guess.add(value);
    const type = guess.type;
    if (type !== this.typeOfLayout[field]) this.layoutChanged = true;
    if (type === 'text') return typedValue('text', value);
    this.typedOnce[field] = true;
    return read;
  }

  /** Fields typed partly as dates or numbers that turned out to be text. */
  retypeAsText(): number[] {
    return this.names
      .map((_, i) => i)
      .filter((i) => this.typedOnce[i] && this.guesses[i]!.type === 'text');
  }

  /** Per field its slot's place in SLOTS (-1: none), by the types so far; clears layoutChanged. */
  layout(): Int8Array {
    this.layoutChanged = false;
    this.guesses.forEach((g, i) => (this.typeOfLayout[i] = g.type));
    const { fieldOfSlot } = this.columns();
    const layout = new Int8Array(this.names.length).fill(-1);
    for (const [slot, field] of fieldOfSlot) layout[field] = SLOTS.indexOf(slot);
    return layout;
  }

  /** The types so far and slots, as segments/typedValues.ts gives them; with each slot's field. */
  columns(): { columns: SelectionColumns; fieldOfSlot: Map<string, number> } {
    const conditions = this.names
      .map((name, field) => ({ name, field, type: this.guesses[field]!.type as ColumnType }))
      .filter(({ name }) => isCondition(name));
    const columns = slotColumns(conditions.map(({ name, type }) => [name, type] as const));
    const fieldOfSlot = new Map<string, number>();
    for (const { name, field } of conditions) {
      const slot = columns[name]!.slot;
      if (slot !== null) fieldOfSlot.set(slot, field);
    }
    return { columns, fieldOfSlot };
  }
}
