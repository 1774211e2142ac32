import type { z } from 'zod';
import type { ImportCounts } from '../../contract/selections';
import { isValidEmail, normalizeEmail } from '../suppression/email';
import { guardCell, looksLikeFormula } from './cellGuard';
import { importError } from './importError';
import { IMPORT_LIMITS } from './limits';
import type { ColumnPlan } from './mapping';
import { isEmptyRow, trimTrailingEmpty, type SourceRow } from './parse/importSource';

export interface PlannedContact {
  email: string;
  normalizedEmail: string;
  /** The contact's variables as JSON. */
  data: string;
  row: number;
}

export interface ImportPlan {
  counts: z.infer<typeof ImportCounts>;
  contacts: PlannedContact[];
  sampleRows: string[][];
}

export interface PlanOptions {
  isSuppressed: (normalizedEmail: string) => string | undefined;
  onProgress?: (rows: number) => void;
}

const YIELD_EVERY = 10_000;

/**
 * One pass over the rows: validates addresses, merges duplicates, notes suppressed addresses,
 * guards formula-like cells. Writes nothing: the caller stores the plan in one transaction.
 * Yields to the event loop now and then so progress events reach the window.
 */
export async function planImport(
  rows: Iterable<SourceRow>,
  columns: ColumnPlan[],
  options: PlanOptions,
): Promise<ImportPlan> {
  const emailIndex = columns.findIndex((c) => c.target === 'email');
  const fields = columns
    .filter((c) => c.target !== 'email' && c.target !== 'ignore')
    .map((c) => ({ index: c.index, name: c.target === 'extra' ? c.variable : c.target }));
  const counts: ImportPlan['counts'] = {
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
  const contacts: PlannedContact[] = [];
  const sampleRows: string[][] = [];
  const firstSeen = new Map<string, number>();
  const listed = IMPORT_LIMITS.maxListed;

  for (const { row, cells } of rows) {
    if (isEmptyRow(cells)) continue;
    const width = trimTrailingEmpty(cells).length;
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
    if (counts.rows % YIELD_EVERY === 0) {
      options.onProgress?.(counts.rows);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (sampleRows.length < IMPORT_LIMITS.sampleRows)
      sampleRows.push(columns.map((c) => guardCell((cells[c.index] ?? '').trim()).text));

    const email = (emailIndex >= 0 ? (cells[emailIndex] ?? '') : '').trim();
    const problem = addressProblem(email);
    if (problem) {
      counts.rejectedCount += 1;
      if (counts.rejected.length < listed)
        counts.rejected.push({ row, reason: problem, value: email.slice(0, 120) });
      continue;
    }
    const data: Record<string, string> = {};
    for (const field of fields) {
      const value = (cells[field.index] ?? '').trim();
      if (looksLikeFormula(value)) {
        counts.formulaCells += 1;
        data[field.name] = `'${value}`;
      } else data[field.name] = value;
    }
    const normalizedEmail = normalizeEmail(email);
    const first = firstSeen.get(normalizedEmail);
    if (first !== undefined) {
      const existing = contacts[first]!;
      counts.duplicateCount += 1;
      if (counts.duplicates.length < listed)
        counts.duplicates.push({ row, email, firstRow: existing.row });
      existing.data = mergeData(existing.data, data);
      continue;
    }
    firstSeen.set(normalizedEmail, contacts.length);
    contacts.push({ email, normalizedEmail, data: JSON.stringify(data), row });
    const suppressedReason = options.isSuppressed(normalizedEmail);
    if (suppressedReason !== undefined) {
      counts.alreadySuppressedCount += 1;
      if (counts.alreadySuppressed.length < listed)
        counts.alreadySuppressed.push({ row, email, reason: suppressedReason });
    }
  }
  counts.imported = contacts.length;
  options.onProgress?.(counts.rows);
  return { counts, contacts, sampleRows };
}

function addressProblem(email: string): 'missingEmail' | 'invalidEmail' | 'formula' | null {
  if (email === '') return 'missingEmail';
  if (/^[=+@-]/.test(email)) return 'formula';
  return isValidEmail(email) ? null : 'invalidEmail';
}

/** Duplicates merge: the first row wins, a later row only fills what the first left empty. */
function mergeData(json: string, later: Record<string, string>): string {
  const data = JSON.parse(json) as Record<string, string>;
  let changed = false;
  for (const [key, value] of Object.entries(later)) {
    if ((data[key] ?? '') === '' && value !== '') {
      data[key] = value;
      changed = true;
    }
  }
  return changed ? JSON.stringify(data) : json;
}
