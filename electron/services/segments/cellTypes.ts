import { TEXT_SLOTS, VALUE_SLOTS } from '../../../db/schema/segmentSlots';
import {
  parseDutchDate,
  parseDutchNumber,
  type ColumnType,
} from '../../contract/plain/columnValues';

/** A column's type and the `contact_fields` slot holding its values (null: no slot was left). */
export interface ColumnInfo {
  type: ColumnType;
  slot: string | null;
}
export type SelectionColumns = Record<string, ColumnInfo>;

/** Text as conditions compare it: trimmed, lower case (both sides alike). */
export function lowered(value: string): string {
  const text = value.trim();
  // Dutch lower case is the plain one for ASCII; toLocaleLowerCase costs ten times as much.
  return BEYOND_ASCII.test(text) ? text.toLocaleLowerCase('nl') : text.toLowerCase();
}

const BEYOND_ASCII = /[^\u0020-\u007e]/;

/** Every variable but the e-mail address (it has its own column) can be a condition. */
export const isCondition = (column: string) => column !== 'email';

/** Slots in column order: the first 16 number or date columns, the first 16 text columns. */
export function slotColumns(types: readonly (readonly [string, ColumnType])[]): SelectionColumns {
  const columns: SelectionColumns = {};
  let values = 0;
  let texts = 0;
  for (const [column, type] of types) {
    let slot: string | null = null;
    if (type === 'text' && texts < TEXT_SLOTS) slot = `t${texts++}`;
    if (type !== 'text' && values < VALUE_SLOTS) slot = `v${values++}`;
    columns[column] = { type, slot };
  }
  return columns;
}

export function typedValue(type: ColumnType, cell: string | undefined): number | string | null {
  if (cell === undefined || cell.trim() === '') return null;
  if (type === 'number') return parseDutchNumber(cell);
  if (type === 'date') return parseDutchDate(cell);
  return lowered(cell);
}
