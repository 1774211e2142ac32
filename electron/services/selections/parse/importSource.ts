import { extname } from 'node:path';
import { IMPORT_LIMITS } from '../limits';
import { importError } from '../importError';
import { detectDelimiter, parseCsvChunks, type Delimiter } from './csvParser';
import { decodeChunks, detectEncoding, type TextEncoding } from './decodeText';
import { readXlsxRows } from './xlsxRows';
import { isValidEmail } from '../../suppression/email';

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
  /** The first data rows, read ahead (they are also the first rows of `rows`). */
  preview: string[][];
  /** The data rows, read again from the file each time they are iterated (CSV stays streamed). */
  rows: Iterable<SourceRow>;
}

const PREVIEW_ROWS = 20;

const CSV_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/** Checks size and type, finds the header, and refuses what cannot be a customer list. */
export async function openImportSource(fileName: string, bytes: Buffer): Promise<ImportSource> {
  if (bytes.length > IMPORT_LIMITS.maxBytes) throw tooLarge(bytes.length);
  if (bytes.length === 0) throw importError('empty', 'The file is empty');
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xls') throw importError('oldExcel', 'Old Excel files (.xls) are not supported');
  if (ext === '.xlsx') {
    const sheet = await readXlsxRows(bytes);
    return withHeader('xlsx', null, null, () => arrayRows(sheet));
  }
  if (!CSV_EXTENSIONS.has(ext))
    throw importError('unsupportedType', 'Only .csv and .xlsx files can be imported', {
      extension: ext || '?',
    });
  const encoding = detectEncoding(bytes);
  const firstChunk = decodeChunks(bytes, encoding).next();
  const delimiter = detectDelimiter(firstChunk.done ? '' : firstChunk.value);
  return withHeader('csv', encoding, delimiter, () =>
    numbered(parseCsvChunks(decodeChunks(bytes, encoding), delimiter)),
  );
}

export function tooLarge(bytes: number) {
  return importError('tooLarge', 'The file is larger than 50 MB', {
    sizeMb: Math.ceil(bytes / (1024 * 1024)),
    maxMb: IMPORT_LIMITS.maxBytes / (1024 * 1024),
  });
}

function* arrayRows(rows: string[][]): Generator<SourceRow> {
  for (let i = 0; i < rows.length; i += 1) yield { row: i + 1, cells: rows[i]! };
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

/** The first non-empty row is the header; the rest stay lazy. */
function withHeader(
  format: ImportSource['format'],
  encoding: TextEncoding | null,
  delimiter: Delimiter | null,
  readRows: () => Generator<SourceRow>,
): ImportSource {
  const rows = readRows();
  let first = rows.next();
  while (!first.done && isEmptyRow(first.value.cells)) first = rows.next();
  if (first.done) throw importError('empty', 'The file is empty');
  const header = trimTrailingEmpty(first.value.cells.map((c) => c.trim()));
  if (header.length > IMPORT_LIMITS.maxColumns)
    throw importError('tooManyColumns', 'A row has too many columns', {
      row: first.value.row,
      count: header.length,
      max: IMPORT_LIMITS.maxColumns,
    });
  if (header.some((cell) => isValidEmail(cell)))
    throw importError('noHeader', 'The first row holds data, not column names');
  const ahead: SourceRow[] = [];
  for (let next = rows.next(); !next.done; next = rows.next()) {
    ahead.push(next.value);
    if (ahead.length >= PREVIEW_ROWS) break;
  }
  const headerRow = first.value.row;
  function* all(): Generator<SourceRow> {
    for (const row of readRows()) if (row.row > headerRow) yield row;
  }
  return {
    format,
    encoding,
    delimiter,
    header,
    preview: ahead.filter((r) => !isEmptyRow(r.cells)).map((r) => r.cells),
    rows: { [Symbol.iterator]: all },
  };
}

export function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}
