/**
 * A worksheet's XML made fit for exceljs's stream reader, which misreads what many generators
 * write (Google Sheets, SheetJS, PHP and JS writers, Numbers' export):
 * - a `<row>` or `<c>` without its `r` attribute (optional in the standard: the next row, the
 *   next cell) made the reader fail; it is given the position the standard implies.
 * - an inline string of several runs (`<is><r><t>Anne </t></r><r><t>de Wit</t></r></is>`) kept
 *   only its last run; it becomes one text (phonetic hints `<rPh>` left out, as Excel shows it).
 * - a date cell (`t="d"`, an ISO 8601 text) was read as a number (`2020`); it becomes the date as
 *   Excel shows it in the Netherlands (`31-01-2020`).
 * - a character split between two chunks of the unzipped XML became two U+FFFD (each chunk is
 *   decoded on its own); every piece here ends with a row, so never inside a character.
 * The common path (Excel, LibreOffice: `r` first on every row and cell) passes the bytes on as
 * they came after one regular expression scan: exceljs decoding them itself keeps its own
 * strings flat (strings cut and joined here made its XML parser some 8% slower on 100,000 rows).
 */
export async function* fitSheetXml(
  chunks: AsyncIterable<Buffer | string>,
): AsyncGenerator<Buffer | string> {
  const state: FitState = { row: 0, positioned: undefined };
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const piece = carry.length === 0 ? bytes : Buffer.concat([carry, bytes]);
    const end = piece.lastIndexOf(ROW_END);
    if (end === -1) {
      carry = piece;
      continue;
    }
    const cut = end + ROW_END.length;
    carry = piece.subarray(cut);
    yield fitBytes(piece.subarray(0, cut), state);
  }
  if (carry.length > 0) yield fitBytes(carry, state);
}

interface FitState {
  /** The last row's number. */
  row: number;
  /** Whether every row and cell of the first piece named its place first (`r="…"`). */
  positioned: boolean | undefined;
}

const ROW_END = Buffer.from('</row>');
const ROW_START = Buffer.from('<row r="');
/** What exceljs misreads even in a sheet whose rows and cells are numbered. */
const MISREAD = /<(?:c|row)\/?>|\st="d"|<r>/;

/**
 * The piece as it is when exceljs reads it right, else its text made fit. A writer numbers every
 * row and cell or leaves the numbers out from its first row on, so the first piece (some 150 rows)
 * tells; the rest is searched only for the tags that are never right (one regular expression
 * over the Latin-1 reading: six `Buffer#includes` cost 140 ms per 100,000 rows, this 40).
 */
function fitBytes(piece: Buffer, state: FitState): Buffer | string {
  // The patterns are ASCII, so the one-byte (Latin-1) reading is enough, and the fastest to search.
  const text = piece.toString('latin1');
  state.positioned ??= !NEEDS_FIT.test(text);
  if (!state.positioned || MISREAD.test(text)) return fitPiece(piece.toString('utf8'), state);
  const at = piece.lastIndexOf(ROW_START);
  const row = at === -1 ? NaN : parseInt(piece.toString('latin1', at + 8, at + 18), 10);
  if (!Number.isNaN(row)) state.row = row;
  return piece;
}

/**
 * exceljs decodes each chunk of sharedStrings.xml on its own, so a name whose ë falls between two
 * chunks read `Zo\uFFFD\uFFFD` (1 in 20,000 names in a test); the entry's stream decodes whole.
 */
export function decodeSharedStringsWhole(reader: unknown): void {
  const patched = reader as { _parseSharedStrings: (entry: NodeJS.ReadableStream) => unknown };
  const parse = patched._parseSharedStrings;
  patched._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parse.call(this, entry);
  };
}

/** Anything exceljs would misread: a row or cell whose first attribute is not r, t="d", runs. */
const NEEDS_FIT = /<(?:c|row)(?:[>/]|\s(?!r=))|\st="d"|<is>\s*<r>/;

function fitPiece(piece: string, position: { row: number }): string {
  let column = 0;
  return piece.replace(
    /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g,
    (tag, rowAttributes?: string, rowClosed?: string, cellAttributes?: string, body?: string) => {
      if (rowAttributes !== undefined) {
        const r = attribute(rowAttributes, 'r');
        position.row = r === undefined ? position.row + 1 : Number(r);
        column = 0;
        if (r !== undefined) return tag;
        return `<row r="${position.row}"${rowAttributes}${rowClosed}>`;
      }
      const attributes = cellAttributes!;
      const r = attribute(attributes, 'r');
      column = r === undefined ? column + 1 : columnNumber(r);
      const withR =
        r === undefined ? ` r="${columnLetters(column)}${position.row}"${attributes}` : attributes;
      const type = attribute(attributes, 't');
      if (body === undefined) return r === undefined ? `<c${withR}/>` : tag;
      if (type === 'd') return inlineText(withR, isoDateText(valueOf(body)));
      if (type === 'inlineStr' && /<r>/.test(body)) return inlineText(withR, runsText(body));
      return r === undefined ? `<c${withR}>${body}</c>` : tag;
    },
  );
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes);
  return match?.[1];
}

/** A cell of text: the type attribute replaced, the style kept. */
function inlineText(attributes: string, escapedText: string): string {
  const rest = attributes.replace(/\st="[^"]*"/, '');
  return `<c${rest} t="inlineStr"><is><t xml:space="preserve">${escapedText}</t></is></c>`;
}

function valueOf(body: string): string {
  return /<v>([^<]*)<\/v>/.exec(body)?.[1]?.trim() ?? '';
}

/** The runs' texts joined (still XML-escaped), phonetic hints left out. */
function runsText(body: string): string {
  const visible = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...visible.matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]).join('');
}

/** `2020-01-31` or `2020-01-31T14:05:00Z` as a Dutch Excel shows it; other text as it is. */
function isoDateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hours, minutes] = match;
  const date = `${day}-${month}-${year}`;
  return hours === undefined || `${hours}${minutes}` === '0000'
    ? date
    : `${date} ${hours}:${minutes}`;
}

/** `AB12` → 28. */
function columnNumber(reference: string): number {
  let n = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 28 → `AB`. */
function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
