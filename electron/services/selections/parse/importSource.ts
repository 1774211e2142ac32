import { extname } from 'node:path';
import { IMPORT_LIMITS } from '../limits';
import { importError } from '../importError';
import { detectDelimiter, parseCsvChunks, readSepLine, type Delimiter } from './csvParser';
import { detectEncoding, firstText, utf8Chunks, type TextEncoding } from './decodeText';
import { countFilledLines } from './lineCount';
import { readXlsxRows } from './xlsxRows';
import { excelMangledWarnings } from './excelMangled';
import { isValidEmail } from '../../suppression/email';
import { isEmailHeader } from '../emailHeaders';
import { refuseInactiveExport } from '../mailchimpParts';

export interface SourceRow {
  /** As the spreadsheet numbers it: the header is row 1 when it is the first line. */
  row: number;
  cells: string[];
}

/** A file opened for import: its format, its header, and its data rows (read lazily for CSV). */
export interface ImportSource {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  header: string[];
  /** Of a workbook: every sheet's name, and the one read. */
  sheets: string[];
  sheet: string | null;
  /** Something the shop should check (i18n keys), e.g. a UTF-8 mark before non-UTF-8 text. */
  warnings: string[];
  /** The first data rows, read ahead (they are also the first rows of `rows`). */
  preview: string[][];
  /** The data rows, read again from the file each time they are iterated (CSV stays streamed). */
  rows: Iterable<SourceRow>;
  /** The data rows for "x of y rows", without reading them (CSV: its filled lines, see lineCount). */
  countRows: () => number;
}

const PREVIEW_ROWS = 20;

const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** Checks size and type, finds the header, and refuses what cannot be a customer list. */
export async function openImportSource(
  fileName: string,
  bytes: Buffer,
  sheetName?: string,
): Promise<ImportSource> {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw tooLarge(bytes.length);
  if (bytes.length === 0) throw importError('empty', 'The file is empty');
  const ext = extname(fileName).toLowerCase();
  refuseOtherSpreadsheets(ext, bytes);
  const source = await openByType(ext, bytes, sheetName);
  refuseInactiveExport(fileName, source.header);
  return source;
}

async function openByType(ext: string, bytes: Buffer, sheetName?: string): Promise<ImportSource> {
  if (ext === '.xlsx') {
    const workbook = await readXlsxRows(bytes, sheetName);
    return withHeader(
      { format: 'xlsx', encoding: null, delimiter: null, sheets: workbook.sheets },
      { sheet: workbook.sheet, warnings: [] },
      () => arrayRows(workbook.rows),
      (header) => workbook.rows.filter((r) => r.row > header).length,
    );
  }
  if (!CSV_EXTENSIONS.has(ext))
    throw importError('unsupportedType', 'Only .csv and .xlsx files can be imported', {
      extension: ext || '?',
    });
  const detected = detectEncoding(bytes);
  const start = firstText(bytes, detected);
  const sep = readSepLine(start);
  const delimiter = sep?.delimiter ?? detectDelimiter(start);
  // The sep= line is no row: Excel hides it and numbers the header row 1.
  const skipSepLine = function* (chunks: Iterable<Buffer>): Generator<Buffer> {
    let skip = sep ? Buffer.byteLength(start.slice(0, sep.length), 'utf8') : 0;
    for (const chunk of chunks) {
      const cut = Math.min(skip, chunk.length);
      skip -= cut;
      if (cut < chunk.length) yield cut === 0 ? chunk : chunk.subarray(cut);
    }
  };
  return withHeader(
    { format: 'csv', encoding: detected.encoding, delimiter, sheets: [] },
    { sheet: null, warnings: detected.warning ? [`selections:warnings.${detected.warning}`] : [] },
    () => numbered(parseCsvChunks(skipSepLine(utf8Chunks(bytes, detected)), delimiter)),
    () => Math.max(0, countFilledLines(skipSepLine(utf8Chunks(bytes, detected)), delimiter) - 1),
  );
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Files the shop may pick or rename that are spreadsheets in another form, each with what to do:
 * an old .xls (also renamed .xlsx), a password-protected workbook (Office wraps it in the same
 * container as .xls), and an Apple Numbers document (a zip holding Index/Document.iwa).
 */
function refuseOtherSpreadsheets(ext: string, bytes: Buffer): void {
  if (bytes.subarray(0, 4).equals(OLE)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')))
      throw importError('passwordXlsx', 'The workbook is protected with a password');
    throw importError('oldExcel', 'Old Excel files (.xls) are not supported');
  }
  if (ext === '.xls') throw importError('oldExcel', 'Old Excel files (.xls) are not supported');
  if (ext === '.numbers' || (bytes.subarray(0, 4).equals(ZIP) && bytes.includes('Index/Document')))
    throw importError('numbersFile', 'Numbers documents cannot be imported as they are');
}

export function tooLarge(bytes: number) {
  return importError('tooLarge', 'The file is larger than 50 MB', {
    sizeMb: Math.ceil(bytes / (1024 * 1024)),
    maxMb: IMPORT_LIMITS.maxBytes / (1024 * 1024),
  });
}

function* arrayRows(rows: SourceRow[]): Generator<SourceRow> {
  yield* rows;
}

function* numbered(records: Iterable<string[]>): Generator<SourceRow> {
  let row = 0;
  for (const cells of records) {
    row += 1;
    yield { row, cells };
  }
}

export function isEmptyRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** How many filled rows may stand above the header (a title, an export date). */
const TITLE_ROWS = 10;

/**
 * The header: the first filled row, unless a title stands above it (a till's "Klantenlijst
 * december", an export date): then the first of the next rows that names the e-mail column, if no
 * row above it holds an address (those would be customers, not a title). The rest stay lazy.
 */
function withHeader(
  kind: Pick<ImportSource, 'format' | 'encoding' | 'delimiter' | 'sheets'>,
  found: Pick<ImportSource, 'sheet' | 'warnings'>,
  readRows: () => Generator<SourceRow>,
  /** The data rows after the header (the workbook's row number of it). */
  countRows: (headerRow: number) => number,
): ImportSource {
  const rows = readRows();
  const top: SourceRow[] = [];
  // The limit is checked before a row is read: a row read past it would be lost to the preview.
  while (top.length < TITLE_ROWS) {
    const next = rows.next();
    if (next.done) break;
    if (!isEmptyRow(next.value.cells)) top.push(next.value);
  }
  if (top.length === 0) throw importError('empty', 'The file is empty');
  const titleRows = headerBelowTitle(top);
  const first = top[titleRows]!;
  const header = trimTrailingEmpty(first.cells.map((c) => c.trim()));
  if (header.length > IMPORT_LIMITS.maxColumns)
    throw importError('tooManyColumns', 'A row has too many columns', {
      row: first.row,
      count: header.length,
      max: IMPORT_LIMITS.maxColumns,
    });
  if (header.some((cell) => isValidEmail(cell)))
    throw importError('noHeader', 'The first row holds data, not column names');
  const ahead: SourceRow[] = top.slice(titleRows + 1);
  for (let next = rows.next(); !next.done && ahead.length < PREVIEW_ROWS; next = rows.next())
    ahead.push(next.value);
  const headerRow = first.row;
  function* all(): Generator<SourceRow> {
    for (const row of readRows()) if (row.row > headerRow) yield row;
  }
  const preview = ahead
    .filter((r) => !isEmptyRow(r.cells))
    .slice(0, PREVIEW_ROWS)
    .map((r) => r.cells);
  const warnings = [...found.warnings];
  if (titleRows > 0) warnings.push('selections:warnings.headerBelowTitle');
  warnings.push(...excelMangledWarnings(header, preview));
  return {
    ...kind,
    ...found,
    warnings,
    header,
    preview,
    rows: { [Symbol.iterator]: all },
    countRows: () => countRows(headerRow),
  };
}

/** How many of the first filled rows are a title above the header (0 when the first is it). */
function headerBelowTitle(top: SourceRow[]): number {
  if (top[0]!.cells.some(isEmailHeader)) return 0;
  for (let i = 0; i < top.length; i += 1) {
    const cells = top[i]!.cells;
    if (cells.some((cell) => isValidEmail(cell.trim()))) return 0;
    if (i > 0 && cells.some(isEmailHeader)) return i;
  }
  return 0;
}

export function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}
