/**
 * Quoted-printable (RFC 2045 §6.7) for the text parts of a mail, one line at a time: every line
 * break of the text becomes a hard CRLF, and each line is encoded and soft-wrapped on its own, so
 * lines without a slot can be encoded once per mailing and copied into every message
 * (`qpTemplate`). Written here rather than taken from nodemailer because its encoder first
 * converts the text to a Buffer and wraps the result with regular expressions: 60 µs for a 3.5 KB
 * text part, most of a message's budget. The output is 7-bit ASCII, lines at most 76 characters.
 */
import { fillTemplate, SLOT_MARKERS, splitTemplate, type Template } from './slots';

const CRLF = '\r\n';
/** Room on a line before a soft break's "=" (RFC 2045: at most 76 characters with it). */
const MAX_TEXT = 75;
const LINE_BREAK = /\r\n|\r|\n/;
const HEX = Buffer.from('0123456789ABCDEF', 'latin1');
const [EQUALS, CR, LF] = [61, 13, 10];

/** Per ASCII code: 1 printable and written as is (not "="), 2 a blank (as is unless last). */
const LITERAL = new Uint8Array(128);
for (let code = 33; code <= 126; code += 1) LITERAL[code] = code === EQUALS ? 0 : 1;
LITERAL[32] = 2;
LITERAL[9] = 2;

/** Bytes of the UTF-8 sequence a byte starts (1 for ASCII and stray continuation bytes). */
function sequenceLength(byte: number): number {
  if (byte < 0xc0) return 1;
  return byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
}

/**
 * Encodes `input[start, end)`, UTF-8 bytes without line breaks, into `out` from `at`, soft-wrapped
 * (a UTF-8 sequence stays on one line); returns where it ended. `out` needs room for
 * 4 × (end − start) bytes.
 */
function encodeLineBytes(
  input: Buffer,
  start: number,
  end: number,
  out: Buffer,
  at: number,
): number {
  let column = 0;
  let i = start;
  while (i < end) {
    // A run of bytes that stay as they are, copied in pieces that fit the line.
    let runEnd = i;
    while (runEnd < end) {
      const byte = input[runEnd] as number;
      const kind = byte < 128 ? LITERAL[byte] : 0;
      if (kind === 1 || (kind === 2 && runEnd !== end - 1)) runEnd += 1;
      else break;
    }
    while (i < runEnd) {
      if (column === MAX_TEXT) {
        at = softBreak(out, at);
        column = 0;
      }
      const take = Math.min(runEnd - i, MAX_TEXT - column);
      at += input.copy(out, at, i, i + take);
      column += take;
      i += take;
    }
    if (i >= end) break;
    // One character as =XX, a UTF-8 sequence kept on one line.
    const count = Math.min(sequenceLength(input[i] as number), end - i);
    if (column + 3 * count > MAX_TEXT) {
      at = softBreak(out, at);
      column = 0;
    }
    for (const stop = i + count; i < stop; i += 1) {
      const byte = input[i] as number;
      out[at++] = EQUALS;
      out[at++] = HEX[byte >> 4] as number;
      out[at++] = HEX[byte & 15] as number;
    }
    column += 3 * count;
  }
  return at;
}

function softBreak(out: Buffer, at: number): number {
  out[at] = EQUALS;
  out[at + 1] = CR;
  out[at + 2] = LF;
  return at + 3;
}

/**
 * A whole text as quoted-printable bytes: each line encoded on its own, its line breaks (LF,
 * CRLF or a lone CR) as CRLF; none at the end.
 */
export function quotedPrintable(text: string): Buffer {
  const input = Buffer.from(text, 'utf8');
  // Each byte as =XX at most, plus a soft break per 60 characters at worst (4-byte sequences).
  const out = Buffer.allocUnsafe(input.length * 4 + 16);
  let at = 0;
  const hasCr = input.includes(CR);
  let lineStart = 0;
  for (;;) {
    const lineEnd = hasCr ? nextBreak(input, lineStart) : input.indexOf(LF, lineStart);
    if (lineEnd === -1) break;
    at = encodeLineBytes(input, lineStart, lineEnd, out, at);
    out[at++] = CR;
    out[at++] = LF;
    lineStart = lineEnd + (input[lineEnd] === CR && input[lineEnd + 1] === LF ? 2 : 1);
  }
  at = encodeLineBytes(input, lineStart, input.length, out, at);
  return out.subarray(0, at);
}

/** The next CR or LF from `start`, or -1. */
function nextBreak(input: Buffer, start: number): number {
  for (let i = start; i < input.length; i += 1) if (input[i] === CR || input[i] === LF) return i;
  return -1;
}

/**
 * A template's quoted-printable, prepared once per mailing: the lines without slots encoded
 * already (as ASCII bytes), the lines with slots kept as small templates that are filled and
 * encoded per recipient. `fillQp` gives exactly what `quotedPrintable` gives for the filled text.
 */
export interface QpTemplate {
  /** Encoded lines with their CRLFs, or the number of a line with slots (CRLF after unless last). */
  pieces: (Buffer | { slotLine: number; last: boolean })[];
  slotLines: Template[];
}

export function qpTemplate(template: Template): QpTemplate {
  const [open, close] = SLOT_MARKERS;
  let marked = template.literals[0] ?? '';
  for (let i = 0; i < template.slotAt.length; i += 1)
    marked += `${open}${template.slotAt[i]}${close}${template.literals[i + 1] ?? ''}`;
  const lines = marked.split(LINE_BREAK);
  const pieces: QpTemplate['pieces'] = [];
  const slotLines: Template[] = [];
  let fixed = '';
  lines.forEach((line, index) => {
    const last = index === lines.length - 1;
    if (!line.includes(open)) {
      fixed += quotedPrintable(line).toString('latin1') + (last ? '' : CRLF);
      return;
    }
    if (fixed !== '') pieces.push(Buffer.from(fixed, 'latin1'));
    fixed = '';
    pieces.push({ slotLine: slotLines.length, last });
    slotLines.push(splitTemplate(line));
  });
  if (fixed !== '') pieces.push(Buffer.from(fixed, 'latin1'));
  return { pieces, slotLines };
}

/**
 * The encoded text for one recipient's slot values, as pieces to copy one after the other. The
 * values must hold no line break (`hasLineBreak`): a CR that a CRLF of the template follows
 * would otherwise make two line breaks here and one in the whole text.
 */
export function fillQp(template: QpTemplate, values: readonly string[]): (Buffer | string)[] {
  const lines = encodeLines(template.slotLines.map((line) => fillTemplate(line, values)));
  const out: (Buffer | string)[] = [];
  for (const piece of template.pieces) {
    if (Buffer.isBuffer(piece)) {
      out.push(piece);
    } else {
      out.push(lines[piece.slotLine] as Buffer);
      if (!piece.last) out.push(CRLF);
    }
  }
  return out;
}

/** Lines without line breaks, encoded in one go (one conversion, one buffer): one piece each. */
function encodeLines(lines: readonly string[]): Buffer[] {
  const input = Buffer.from(lines.join('\n'), 'utf8');
  const out = Buffer.allocUnsafe(input.length * 4 + 16);
  const encoded: Buffer[] = [];
  let at = 0;
  let lineStart = 0;
  for (let n = 0; n < lines.length; n += 1) {
    const lineEnd = n === lines.length - 1 ? input.length : input.indexOf(LF, lineStart);
    const from = at;
    at = encodeLineBytes(input, lineStart, lineEnd, out, at);
    encoded.push(out.subarray(from, at));
    lineStart = lineEnd + 1;
  }
  return encoded;
}

export function hasLineBreak(value: string): boolean {
  return value.includes('\n') || value.includes('\r');
}
