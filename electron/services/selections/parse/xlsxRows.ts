import { Readable } from 'node:stream';
import { DomainError } from '../../../contract/envelope';
import { importError } from '../importError';
import { IMPORT_LIMITS } from '../limits';
import { formatExcelDate, formatExcelNumber } from './excelFormat';

export interface XlsxSheet {
  /** Every sheet's name, in the workbook's order. */
  sheets: string[];
  /** The sheet read: the one asked for, else the first. */
  sheet: string;
  rows: string[][];
}

/**
 * The rows of one worksheet of an .xlsx as the shop sees them in Excel: each cell's formatted text
 * (`€ 12,50`, `17-05-1980`), the stored result of a formula (never its text; nothing is evaluated),
 * a hyperlink's visible text. Read as a stream so a large sheet is not held twice; the other sheets
 * are only named.
 */
export async function readXlsxRows(bytes: Buffer, wanted?: string): Promise<XlsxSheet> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw importError('badXlsx', 'The file is not an .xlsx workbook');
  const sheets: string[] = [];
  let chosen: { sheet: string; rows: string[][] } | undefined;
  try {
    // Loaded at the first .xlsx, not at app start: exceljs weighs ~20 MB of memory.
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      // Styles hold the number formats.
      styles: 'cache',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      sheets.push(name);
      const read = !chosen && (wanted === undefined || wanted === name);
      const rows: string[][] = [];
      for await (const row of sheet) {
        if (!read) continue;
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = shownText(cell.value, cell.numFmt);
        });
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
        // Keep row numbers true to the sheet: fill skipped (empty) rows.
        while (rows.length < row.number - 1) rows.push([]);
        rows.push(cells);
        if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
      }
      if (read) chosen = { sheet: name, rows };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw importError('badXlsx', `The workbook could not be read: ${(error as Error).message}`);
  }
  if (!chosen)
    throw importError('sheetMissing', 'The workbook has no sheet of that name', {
      sheet: wanted ?? '',
    });
  return { sheets, ...chosen };
}

/** What a cell shows: its value (a formula's stored result) in its number format. */
export function shownText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatExcelNumber(value, numFmt);
  if (value instanceof Date) return formatExcelDate(value, numFmt);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return shownText(v.result, numFmt);
    if ('error' in v) return '';
  }
  return cellText(value);
}

/** Text of one cell value as exceljs gives it. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatExcelNumber(value, undefined);
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (value instanceof Date) return formatExcelDate(value, undefined);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
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

function tooManyRows(): DomainError {
  return importError('tooManyRows', 'The file has too many rows', { max: IMPORT_LIMITS.maxRows });
}
