export type Delimiter = ';' | ',' | '\t';

const QUOTE = 34;
const CR = 13;
const LF = 10;

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

/**
 * RFC 4180 records, lazily: quoted fields may hold delimiters, doubled quotes and line breaks.
 * Yields each record's cells; a record is one spreadsheet row, whatever line breaks it holds.
 */
export function* parseCsv(text: string, delimiter: Delimiter): Generator<string[]> {
  for (const record of records(text, delimiter, true)) yield record.cells;
}

/**
 * The same records from text that arrives in pieces (a file decoded chunk by chunk), so the whole
 * file is never one string. A record cut by a chunk's end waits for the next chunk.
 */
export function* parseCsvChunks(
  chunks: Iterable<string>,
  delimiter: Delimiter,
): Generator<string[]> {
  let carry = '';
  for (const chunk of chunks) {
    const text = carry + chunk;
    let consumed = 0;
    for (const record of records(text, delimiter, false)) {
      consumed = record.end;
      yield record.cells;
    }
    carry = text.slice(consumed);
  }
  for (const record of records(carry, delimiter, true)) yield record.cells;
}

/**
 * Records of `text` with the position after each. Unless `final`, a record that reaches the end of
 * the text (no line break after it, an open quote, or a quote or CR as the last character, which
 * the next chunk may pair up) is left for the caller to continue with more text.
 */
function* records(
  text: string,
  delimiter: Delimiter,
  final: boolean,
): Generator<{ cells: string[]; end: number }> {
  const delim = delimiter.charCodeAt(0);
  const length = text.length;
  // Unless final, a record must end before the last character to be known complete.
  const limit = final ? length : length - 1;
  let pos = 0;
  while (pos < length) {
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted field: up to the closing quote; "" is one quote.
        let value = '';
        pos += 1;
        for (;;) {
          const next = text.indexOf('"', pos);
          if (next === -1 || next >= limit) {
            if (!final) return;
            if (next === -1) {
              value += text.slice(pos);
              pos = length;
              break;
            }
          }
          value += text.slice(pos, next);
          if (text.charCodeAt(next + 1) === QUOTE) {
            value += '"';
            pos = next + 2;
          } else {
            pos = next + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept as written.
        const rest = scanUnquoted(text, pos, delim);
        cells.push(value + text.slice(pos, rest));
        pos = rest;
      } else {
        const end = scanUnquoted(text, pos, delim);
        cells.push(text.slice(pos, end));
        pos = end;
      }
      if (pos >= limit && !final) return;
      const code = text.charCodeAt(pos);
      if (code === delim) {
        pos += 1;
      } else {
        endOfRecord = true;
        if (code === CR) pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        else if (code === LF) pos += 1;
      }
    }
    yield { cells, end: pos };
  }
}

function scanUnquoted(text: string, from: number, delim: number): number {
  let i = from;
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === delim || code === LF || code === CR) return i;
    i += 1;
  }
  return i;
}
