import type { z } from 'zod';
import type { ImportCounts } from '../../contract/selections';
import { isValidEmail, normalizeEmail } from '../suppression/email';
import { readAddressCell } from './addressCell';
import { consentColumnIndex, saysNo } from './consentColumn';
import { isEmailHeader } from './emailHeaders';
import type { InactivePart } from './mailchimpParts';
import { headerAgain } from './repeatedHeader';
import { guardCell, looksLikeFormula, textConstant, withoutTextMark } from './cellGuard';
import { importError } from './importError';
import { IMPORT_LIMITS } from './limits';
import { FirstRows } from './firstRows';
import type { ColumnPlan } from './mapping';
import type { SourceRow } from './parse/importSource';

export type Counts = z.infer<typeof ImportCounts>;
type Rejection = Counts['rejected'][number];

/**
 * Where accepted contacts go: nowhere for the preview, straight into the database for the import
 * (so 100,000 rows are never held in memory). Plain arguments, no object per row.
 */
export interface ContactSink {
  /**
   * `data` is the contact's variables as JSON, `values` the same variables' text in the order of
   * `contactFields` (an array reused for the next row).
   */
  add(
    row: number,
    email: string,
    normalizedEmail: string,
    data: string,
    values: readonly string[],
  ): void;
  /** A later row of the same address: fill what the first row (by its row number) left empty. */
  merge(firstRow: number, later: Record<string, string>): void;
  /** Whether the contact of `firstRow` has this address (equal hashes in FirstRows are checked). */
  hasAddress(firstRow: number, normalizedEmail: string): boolean;
}

/** The preview's sink: keeps nothing, and takes equal 64-bit hashes for the same address. */
export const NOWHERE: ContactSink = { add: () => {}, merge: () => {}, hasAddress: () => true };

/** The contact's variables: every mapped column but the address, by the name it gets. */
export function contactFields(columns: ColumnPlan[]): { index: number; name: string }[] {
  return columns
    .filter((c) => c.target !== 'email' && c.target !== 'ignore')
    .map((c) => ({ index: c.index, name: c.target === 'extra' ? c.variable : c.target }));
}

export interface PlanOptions {
  isSuppressed: (normalizedEmail: string) => string | undefined;
  onProgress?: (rows: number) => void;
}

const PROGRESS_EVERY = 5_000;

export function emptyCounts(): Counts {
  return {
    rows: 0,
    imported: 0,
    rejectedCount: 0,
    rejected: [],
    duplicateCount: 0,
    duplicates: [],
    alreadySuppressedCount: 0,
    alreadySuppressed: [],
    formulaCells: 0,
  };
}

/**
 * One pass over the rows: validates addresses, merges duplicates, notes suppressed addresses,
 * guards formula-like cells, and hands each accepted contact to the sink. Yields the row count
 * every 5,000 rows so a caller may report progress (and give the event loop a turn).
 */
export function* planRows(
  rows: Iterable<SourceRow>,
  columns: ColumnPlan[],
  options: PlanOptions,
  sink: ContactSink,
  counts: Counts,
  sampleRows: string[][],
): Generator<number, void> {
  const emailIndex = columns.findIndex((c) => c.target === 'email');
  const consentIndex = consentColumnIndex(columns);
  const fields = contactFields(columns);
  // The JSON of a contact's variables is written as text, key by key: no object per row.
  const keys = fields.map((f, i) => `${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`);
  const values: string[] = fields.map(() => '');
  // Normalized address → its first row: the only thing kept per row until the end.
  const firstSeen = new FirstRows();
  const hasAddress = sink.hasAddress.bind(sink);
  const listed = IMPORT_LIMITS.maxListed;
  const reject = (row: number, reason: Rejection['reason'], value: string) => {
    counts.rejectedCount += 1;
    if (counts.rejected.length < listed)
      counts.rejected.push({ row, reason, value: ownCopy(value) });
  };
  // Set by a header row of a Mailchimp part that may not be mailed: the rows under it are refused.
  let inactive: InactivePart | null = null;

  for (const { row, cells } of rows) {
    const width = filledWidth(cells);
    if (width === 0) continue;
    if (width > IMPORT_LIMITS.maxColumns)
      throw importError('tooManyColumns', 'A row has too many columns', {
        row,
        count: width,
        max: IMPORT_LIMITS.maxColumns,
      });
    counts.rows += 1;
    if (counts.rows > IMPORT_LIMITS.maxRows)
      throw importError('tooManyRows', 'The file has too many rows', {
        max: IMPORT_LIMITS.maxRows,
      });
    if (counts.rows % PROGRESS_EVERY === 0) {
      options.onProgress?.(counts.rows);
      yield counts.rows;
    }
    if (sampleRows.length < IMPORT_LIMITS.sampleRows)
      sampleRows.push(columns.map((c) => guardCell((cells[c.index] ?? '').trim()).text));

    let email = (emailIndex >= 0 ? (cells[emailIndex] ?? '') : '').trim();
    const problem = addressProblem(email);
    if (problem) {
      const meant =
        problem === 'invalidEmail'
          ? readAddressCell(email)
          : problem === 'formula'
            ? readAddressCell(textConstant(email) ?? '')
            : null;
      if (meant !== null && 'email' in meant) email = meant.email;
      else {
        const again =
          problem === 'invalidEmail' && isEmailHeader(email)
            ? headerAgain(row, cells, columns)
            : 'notHeader';
        if (again === 'notHeader') reject(row, meant?.problem ?? problem, email.slice(0, 120));
        else {
          inactive = again === 'same' ? null : again;
          reject(row, 'repeatedHeader', email);
        }
        continue;
      }
    }
    if (inactive !== null) {
      reject(row, inactive === 'cleaned' ? 'mailchimpCleaned' : 'mailchimpUnsubscribed', email);
      continue;
    }
    if (consentIndex >= 0 && saysNo(cells[consentIndex])) {
      reject(row, 'noMarketingConsent', email);
      continue;
    }
    let data = fields.length === 0 ? '{}' : '';
    for (let i = 0; i < fields.length; i += 1) {
      let value = (cells[fields[i]!.index] ?? '').trim();
      if (looksLikeFormula(value)) {
        const guarded = guardCell(value);
        if (guarded.neutralised) counts.formulaCells += 1;
        value = guarded.text;
      } else if (value.charCodeAt(0) === 39) value = withoutTextMark(value);
      values[i] = value;
      data += keys[i]! + JSON.stringify(value);
    }
    if (fields.length > 0) data += '}';
    const normalizedEmail = normalizeEmail(email);
    const firstRow = firstSeen.firstOrAdd(normalizedEmail, row, hasAddress);
    if (firstRow !== undefined) {
      counts.duplicateCount += 1;
      if (counts.duplicates.length < listed)
        counts.duplicates.push({ row, email: ownCopy(email), firstRow });
      sink.merge(firstRow, JSON.parse(data) as Record<string, string>);
      continue;
    }
    sink.add(row, email, normalizedEmail, data, values);
    counts.imported += 1;
    const suppressedReason = options.isSuppressed(normalizedEmail);
    if (suppressedReason !== undefined) {
      counts.alreadySuppressedCount += 1;
      if (counts.alreadySuppressed.length < listed)
        counts.alreadySuppressed.push({ row, email: ownCopy(email), reason: suppressedReason });
    }
  }
  options.onProgress?.(counts.rows);
}

/**
 * A cell's text as a string of its own: a cell is a slice of the file's text and, kept in a
 * report list, would keep that whole piece of the file alive.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The row's width without its empty cells at the end; 0 for an empty row. */
function filledWidth(cells: string[]): number {
  let width = cells.length;
  while (width > 0 && cells[width - 1]!.trim() === '') width -= 1;
  return width;
}

type AddressProblem = 'missingEmail' | 'invalidEmail' | 'internationalEmail' | 'formula';

/** Why an address cannot be mailed; accents before the @ need SMTPUTF8 (see isValidEmail). */
function addressProblem(email: string): AddressProblem | null {
  if (email === '') return 'missingEmail';
  const first = email.charCodeAt(0);
  if (first === 61 || first === 43 || first === 64 || first === 45) return 'formula';
  if (isValidEmail(email)) return null;
  return isValidEmail(email, { smtpUtf8: true }) ? 'internationalEmail' : 'invalidEmail';
}
