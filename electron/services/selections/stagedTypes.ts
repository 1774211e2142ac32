import { ColumnTypeGuess, type ColumnType } from '../../contract/plain/columnValues';
import {
  isCondition,
  slotColumns,
  typedValue,
  type SelectionColumns,
} from '../segments/typedValues';

/**
 * The typed cells of segments (segments/typedValues.ts) worked out while the file is read, so the
 * import never reads its staged contacts back to type them: each cell is typed by its column's
 * guess so far. A guess changes at most once after the first filled cell (a date or number
 * column that meets other text becomes text); such a column is typed again from the staged data
 * at the end (`retypeAsText`), which real exports seldom need. A later row of the same address
 * fills empty cells of its first row: those cells are typed with `type` as well.
 */
export class StagedTypes {
  private readonly guesses: ColumnTypeGuess[];
  /** Per field: typed as a date or number at some point. */
  private readonly typedOnce: boolean[];

  /** `names`: the contact's variables, in the order of its data. */
  constructor(readonly names: readonly string[]) {
    this.guesses = names.map(() => new ColumnTypeGuess());
    this.typedOnce = names.map(() => false);
  }

  /** The cell's typed value by its column's guess so far (null for an empty cell). */
  type(field: number, value: string): number | string | null {
    const guess = this.guesses[field]!;
    // A date or number column's cell is typed by what the guess read; text is lowered.
    const read = guess.add(value);
    if (guess.type === 'text') return typedValue('text', value);
    this.typedOnce[field] = true;
    return read;
  }

  /** Fields staged partly as dates or numbers that turned out to be text. */
  retypeAsText(): number[] {
    return this.names
      .map((_, i) => i)
      .filter((i) => this.typedOnce[i] && this.guesses[i]!.type === 'text');
  }

  /** The final types and slots, as segments/typedValues.ts gives them; with each slot's field. */
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
