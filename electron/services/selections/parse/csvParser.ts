import { CsvError, Parser } from 'csv-parse';
import { importError } from '../importError';
import { splitPlainLine } from './plainLine';

export type Delimiter = ';' | ',' | '\t' | '|';

/** A quoted field may hold line breaks (an address on two lines), but never more than this. */
export const MAX_QUOTED_LINES = 10;
/** …nor more text than this in one record: a stray quote would otherwise swallow the file. */
export const MAX_RECORD_CHARS = 8 * 1024;
/**
 * A record on one line may be longer (a note of 10 KB is a customer's note, not a stray quote);
 * this only bounds what one row may hold in memory.
 */
export const MAX_LINE_CHARS = 256 * 1024;
/** How much of a broken row the message shows. */
const SHOWN_CHARS = 40;

/**
 * The delimiter of the header line: the most frequent of ; , and tab outside quotes. A tie (or a
 * single-column file) gives ';', what Dutch Excel writes.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ';': 0, ',': 0, '\t': 0 } as Record<Delimiter, number>;
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i += 1) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) counts[ch] += 1;
  }
  let best: Delimiter = ';';
  for (const candidate of [',', '\t'] as const) {
    if (counts[candidate] > counts[best]) best = candidate;
  }
  return best;
}

const SEP_LINE = /^sep=(.)[ \t]*(\r\n|\n|\r)/i;

/**
 * Excel's "sep=;" first line names the delimiter and is no part of the table (Excel hides it).
 * Returns the delimiter and the length of the line, or null when the text has none.
 */
export function readSepLine(text: string): { delimiter: Delimiter; length: number } | null {
  const match = SEP_LINE.exec(text.slice(0, 16));
  if (!match) return null;
  const char = match[1]!;
  if (char !== ';' && char !== ',' && char !== '\t' && char !== '|')
    throw importError('badSeparator', 'The sep= line names a delimiter that is not supported', {
      separator: char,
    });
  return { delimiter: char, length: match[0].length };
}

/** csv-parse's push-style core, as its stream and sync entry points use it. */
interface CsvCore {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: { record: string[]; raw: string }) => void,
    close: () => void,
  ): CsvError | undefined;
}

/**
 * RFC 4180 records from UTF-8 text that arrives in pieces (the file is never one string). Yields
 * each record's cells: one spreadsheet row, whatever line breaks it holds.
 *
 * Plainly written lines are split directly (plainLine.ts); from the first line that is not plain
 * on, csv-parse reads the rest. A quote at the start of a field opens a quoted field. One that is
 * not closed within MAX_QUOTED_LINES lines or MAX_RECORD_CHARS characters, or not at all, is a
 * stray quote: the whole import stops with the row and its first characters, rather than merging
 * the rows after it into one field. A quote inside unquoted text (Jan "Jantje" Jansen) is just text.
 * `plainLines: false` leaves every line to csv-parse (the tests compare both).
 */
export function* parseCsvChunks(
  chunks: Iterable<Buffer>,
  delimiter: Delimiter,
  options: { plainLines?: boolean } = {},
): Generator<string[]> {
  let core: CsvCore | undefined;
  let row = 0;
  // The header's width: a record with a line break inside quotes must have it too. A title line
  // above the header ("Klantenlijst december") has one filled cell: the first row with two is it.
  let width = 0;
  let widthKnown = false;
  const ready: string[][] = [];
  const accept = (record: string[]) => {
    if (!widthKnown) {
      const filled = filledCells(record);
      if (filled > 1) [width, widthKnown] = [record.length, true];
      else if (filled === 1 && width === 0) width = record.length;
    }
    ready.push(record);
  };
  const push = ({ record, raw }: { record: string[]; raw: string }) => {
    row += 1;
    if (
      raw.includes('"') &&
      lineBreaks(raw) > 0 &&
      (raw.length > MAX_RECORD_CHARS || !fineMultiline(record, width, delimiter))
    )
      throw strayQuote(row, raw);
    accept(record);
  };
  const close = () => {};
  const feed = (chunk: Buffer | undefined, end: boolean) => {
    core ??= csvCore(delimiter);
    try {
      const error = core.parse(chunk, end, push, close);
      if (error) throw error;
    } catch (error) {
      if (isCsvError(error)) throw strayQuote(row + 1, rawOf(error));
      throw error;
    }
  };
  const plain =
    options.plainLines === false
      ? undefined
      : new PlainLines(delimiter, (cells) => {
          row += 1;
          accept(cells);
        });
  for (const chunk of chunks) {
    const rest = plain && !plain.done ? plain.read(chunk) : chunk;
    if (rest) feed(rest, false);
    yield* ready;
    ready.length = 0;
  }
  if (plain && !plain.done) feed(plain.finish(), false);
  feed(undefined, true);
  yield* ready;
}

/**
 * Every line ending ends a record, whichever came first: a file pasted together from two systems
 * mixes CRLF and LF, and csv-parse, left to itself, keeps to the first ending it finds and reads a
 * lone LF after CRLF lines as text (two customers merged into one name).
 */
const LINE_ENDINGS = ['\r\n', '\n', '\r'];

function csvCore(delimiter: Delimiter): CsvCore {
  // The stream class builds the core; only its synchronous parse is used, chunk by chunk.
  return (
    new Parser({
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: MAX_LINE_CHARS,
      raw: true,
      record_delimiter: LINE_ENDINGS,
    }) as unknown as { api: CsvCore }
  ).api;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The plain lines at the start of a CSV, split as they arrive. The line ending is the first one
 * found; a line holding another CR or LF is not plain (csv-parse, which takes every ending, reads
 * from there). `read` returns
 * undefined while every line was plain, else the text from the first other line on (for csv-parse),
 * after which `done` is true.
 */
class PlainLines {
  done = false;
  private pending: Buffer = Buffer.alloc(0);
  private eol: '\r\n' | '\n' | '\r' | undefined;

  constructor(
    private readonly delimiter: Delimiter,
    private readonly onRecord: (cells: string[]) => void,
  ) {}

  read(chunk: Buffer): Buffer | undefined {
    const bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.eol ??= lineEnding(bytes);
    const cut = this.eol === undefined ? -1 : bytes.lastIndexOf(this.eol === '\r' ? CR : LF) + 1;
    if (cut <= 0) {
      this.pending = bytes;
      // One line longer than a record may be: csv-parse gives its message.
      return bytes.length > MAX_LINE_CHARS ? this.giveUp(bytes) : undefined;
    }
    const text = bytes.toString('utf8', 0, cut);
    this.pending = bytes.subarray(cut);
    const eol = this.eol!;
    const stray = eol === '\n' ? '\r' : '\n';
    let at = 0;
    while (at < text.length) {
      const end = text.indexOf(eol, at);
      // CRLF lines, then a lone LF at the cut: no CRLF left, and csv-parse reads from here.
      const cells =
        end === -1 ? null : lineCells(text.slice(at, end), end - at, eol, stray, this.delimiter);
      if (cells === null)
        return this.giveUp(Buffer.concat([Buffer.from(text.slice(at), 'utf8'), this.pending]));
      this.onRecord(cells);
      at = end + eol.length;
    }
    return undefined;
  }
  /** The last line (without a line ending): csv-parse reads it, with whatever it holds. */
  finish(): Buffer {
    return this.giveUp(this.pending);
  }

  private giveUp(rest: Buffer): Buffer {
    this.done = true;
    this.pending = Buffer.alloc(0);
    return rest;
  }
}

/** The first line ending, or undefined when none is known yet (none, or a CR as the last byte). */
function lineEnding(bytes: Buffer): '\r\n' | '\n' | '\r' | undefined {
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (byte === LF) return '\n';
    if (byte === CR) {
      if (i + 1 === bytes.length) return undefined;
      return bytes[i + 1] === LF ? '\r\n' : '\r';
    }
  }
  return undefined;
}

function isCsvError(error: unknown): error is CsvError & { raw?: string } {
  return error instanceof CsvError;
}

/** The record read so far when csv-parse gave up (its raw text, kept with `raw: true`). */
function rawOf(error: CsvError & { raw?: string }): string {
  return typeof error.raw === 'string' ? error.raw : '';
}

/**
 * A text on several lines (an address, a note) is fine in a data row of the header's width, up
 * to MAX_QUOTED_LINES lines; a continuation line that looks like a row of its own (the delimiter
 * as often as a row has it, or an e-mail address) means a stray quote merged rows.
 */
function fineMultiline(record: string[], width: number, delimiter: Delimiter): boolean {
  if (width === 0 || record.length !== width) return false;
  const rowLike = Math.max(1, width - 1);
  for (const cell of record) {
    const lines = cell.split(/\r\n|\r|\n/);
    if (lines.length > MAX_QUOTED_LINES) return false;
    for (const line of lines.slice(1)) {
      if (line.split(delimiter).length - 1 >= rowLike || EMAIL_LIKE.test(line)) return false;
    }
  }
  return true;
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[a-z]{2,}/i;

/** Line breaks inside the record (its own ending not counted). */
function lineBreaks(raw: string): number {
  return raw.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length - 1;
}

function filledCells(record: string[]): number {
  let filled = 0;
  for (const cell of record) if (cell.trim() !== '') filled += 1;
  return filled;
}

function strayQuote(row: number, raw: string) {
  const start = raw.replace(/\s+/g, ' ').trim().slice(0, SHOWN_CHARS);
  return importError('strayQuote', 'A quote in the file is not closed', { row, start });
}

/** A plain line's cells, or null when csv-parse must read it (a stray line ending, too long). */
function lineCells(
  line: string,
  length: number,
  eol: string,
  stray: string,
  delimiter: Delimiter,
): string[] | null {
  if (length > MAX_LINE_CHARS || line.indexOf(stray) !== -1) return null;
  if (eol === '\r\n' && line.indexOf('\r') !== -1) return null;
  return splitPlainLine(line, delimiter);
}
