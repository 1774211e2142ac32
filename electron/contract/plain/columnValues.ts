/**
 * Reading a selection's cells as the shop's till exports them: Dutch numbers (12,50, € 12,50,
 * 1.234,50), dates (17-05-1980, 17/05/1980, 1980-05-17). Shared by the import (column types and
 * typed values) and the condition editor (what the shop types as a value), so both read alike.
 */

export type ColumnType = 'number' | 'date' | 'text';

const EURO_AND_SPACES = /[€\s\u00a0\u202f]/g;
const COMMA_DECIMAL = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const DOT_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+$/;
const DOT_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const PLAIN_WHOLE = /^[1-9]\d{0,14}$/;
/** A leading zero before more digits marks an identifier (phone, barcode, postcode), not an amount. */
const IDENTIFIER = /^[+-]?0\d/;

/** A cell guarded against formulas at import ('-5) is read without the guard. */
function unguard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** The number a cell holds, or null: "12,50" → 12.5, "€ 1.234,50" → 1234.5, "1.234" → 1234. */
export function parseDutchNumber(cell: string): number | null {
  // The common case (a customer number, a count) without any rewriting.
  if (PLAIN_WHOLE.test(cell)) return Number(cell);
  const value = unguard(cell.trim()).replace(EURO_AND_SPACES, '');
  if (value === '' || IDENTIFIER.test(value)) return null;
  let normalized: string;
  if (value.includes(',')) {
    if (!COMMA_DECIMAL.test(value)) return null;
    normalized = value.replace(/\./g, '').replace(',', '.');
  } else if (DOT_THOUSANDS.test(value)) {
    // Dutch first: 1.234 is twelve hundred thirty-four, not one and a bit.
    normalized = value.replace(/\./g, '');
  } else if (DOT_DECIMAL.test(value)) {
    normalized = value;
  } else return null;
  const number = Number(normalized);
  return Number.isFinite(number) ? number : null;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
const YEAR_MONTH_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real calendar day as yyyymmdd, or null (31-02-1980 is no day). */
export function dayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? null : year * 10000 + month * 100 + day;
}

/** The day a cell holds as yyyymmdd, or null: 17-05-1980, 17/05/1980 and 1980-05-17 alike. */
export function parseDutchDate(cell: string): number | null {
  const value = cell.trim();
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) return dayNumber(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = YEAR_MONTH_DAY.exec(value);
  if (ymd) return dayNumber(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

/** yyyymmdd → "1980-05-17". */
export function isoDay(day: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(Math.floor(day / 10000), 4)}-${pad(Math.floor(day / 100) % 100, 2)}-${pad(day % 100, 2)}`;
}

/**
 * A column's type from all its cells: number or date when every filled cell reads as one, text
 * otherwise. Empty cells say nothing; a column without any filled cell is text.
 */
export class ColumnTypeGuess {
  private filled = 0;
  private numbers = 0;
  private dates = 0;

  /** Returns what the cell read as: its day or number, or null (empty, text, or a text column). */
  add(cell: string): number | null {
    if (cell.trim() === '') return null;
    this.filled += 1;
    // Once a cell is neither, the column is text: the rest need no parsing.
    if (this.numbers < this.filled - 1 && this.dates < this.filled - 1) return null;
    const day = parseDutchDate(cell);
    if (day !== null) {
      this.dates += 1;
      return day;
    }
    const number = parseDutchNumber(cell);
    if (number !== null) this.numbers += 1;
    return number;
  }

  get type(): ColumnType {
    if (this.filled === 0) return 'text';
    if (this.numbers === this.filled) return 'number';
    if (this.dates === this.filled) return 'date';
    return 'text';
  }
}
