import { Readable } from 'node:stream';
import { DomainError } from '../../../contract/envelope';
import { importError } from '../importError';
import { IMPORT_LIMITS } from '../limits';

/**
 * The rows of the first worksheet of an .xlsx, as text. Values only: a formula gives its own text
 * (never the result another program computed), a hyperlink gives its visible text, nothing is
 * evaluated. Read as a stream so a large sheet is not held twice.
 */
export async function readXlsxRows(bytes: Buffer): Promise<string[][]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw importError('badXlsx', 'The file is not an .xlsx workbook');
  const rows: string[][] = [];
  try {
    // Loaded at the first .xlsx, not at app start: exceljs weighs ~20 MB of memory.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      // Styles tell dates from numbers.
      styles: 'cache',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i]));
        // Keep row numbers true to the sheet: fill skipped (empty) rows.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(cells);
        if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw importError('badXlsx', `The workbook could not be read: ${(error as Error).message}`);
  }
  return rows;
}

/** Text of one cell value as exceljs gives it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return formatDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.formula === 'string') return `=${v.formula}`;
    if (typeof v.sharedFormula === 'string') return `=${v.sharedFormula}`;
    if (Array.isArray(v.richText)) return richText(v.richText);
    if ('text' in v) return cellText(v.text);
    return '';
  }
  return '';
}

function richText(parts: unknown[]): string {
  return parts
    .map((p) =>
      typeof p === 'object' && p !== null ? String((p as { text?: unknown }).text ?? '') : '',
    )
    .join('');
}

/** Excel dates have no time zone: read them as written (dd-mm-jjjj, as Dutch users expect). */
function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}-${mm}-${date.getUTCFullYear()}`;
}

function tooManyRows(): DomainError {
  return importError('tooManyRows', 'The file has too many rows', { max: IMPORT_LIMITS.maxRows });
}
