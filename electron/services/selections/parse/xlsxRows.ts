import { Readable } from 'node:stream';
import { DomainError } from '../../../contract/envelope';
import { importError } from '../importError';
import { IMPORT_LIMITS } from '../limits';
import { formatExcelDate, formatExcelNumber } from './excelFormat';
import { decodeSharedStringsWhole, fitSheetXml } from './sheetXml';

export interface XlsxSheet {
  /** Every sheet's name, in the workbook's order. */
  sheets: string[];
  /** The sheet read: the one asked for, else the first visible one with a filled cell. */
  sheet: string;
  /** Its filled rows, numbered as in the sheet. */
  rows: { row: number; cells: string[] }[];
}

/**
 * The rows of one worksheet of an .xlsx as the shop sees them in Excel: each cell's formatted text
 * (`€ 12,50`, `17-05-1980`), the stored result of a formula (never its text; nothing is evaluated),
 * a hyperlink's visible text. Read as a stream so a large sheet is not held twice; the other sheets
 * are only named. Without a sheet asked for, hidden and empty sheets are passed over (an empty
 * "Blad1" before the customers, a hidden sheet of lookups). Only filled rows are kept: a sheet
 * formatted down to row 1,048,576 holds a million empty rows that are no customers.
 */
export async function readXlsxRows(bytes: Buffer, wanted?: string): Promise<XlsxSheet> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw importError('badXlsx', 'The file is not an .xlsx workbook');
  const sheets: string[] = [];
  let chosen: XlsxSheet['rows'] | undefined;
  let chosenName: string | undefined;
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
    decodeSharedStringsWhole(reader);
    for await (const sheet of reader) {
      const { name, state } = sheet as unknown as { name: string; state?: string };
      sheets.push(name);
      const visible = state === undefined || state === 'visible';
      const read = !chosen && (wanted === undefined ? visible : wanted === name);
      const rows: XlsxSheet['rows'] = [];
      // exceljs's reader keeps the sheet's XML here (see fitSheetXml for what it misreads).
      const reader = sheet as unknown as { iterator: AsyncIterable<Buffer | string> };
      if (read) reader.iterator = fitSheetXml(reader.iterator);
      for await (const row of sheet) {
        if (!read) continue;
        const cells: string[] = [];
        let filled = false;
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          const text = shownText(cell.value, cell.numFmt);
          cells[column - 1] = text;
          if (text.trim() !== '') filled = true;
        });
        if (!filled) continue;
        for (let i = 0; i < cells.length; i += 1) cells[i] ??= '';
        rows.push({ row: row.number, cells });
        if (rows.length > IMPORT_LIMITS.maxRows + 1) throw tooManyRows();
      }
      if (read && (rows.length > 0 || wanted !== undefined)) [chosen, chosenName] = [rows, name];
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw importError('badXlsx', `The workbook could not be read: ${(error as Error).message}`);
  }
  if (wanted !== undefined && !chosen)
    throw importError('sheetMissing', 'The workbook has no sheet of that name', { sheet: wanted });
  // No sheet with a filled cell: the first one, which withHeader finds empty.
  return { sheets, sheet: chosenName ?? sheets[0] ?? '', rows: chosen ?? [] };
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
