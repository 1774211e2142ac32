import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { importError } from '../importError';

export type TextEncoding = 'utf-8' | 'utf-16' | 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** How many bytes are decoded at a time: the file's text is never one string. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Turns the bytes of a CSV into text. Dutch shop systems write UTF-8 (with or without BOM),
 * Windows-1252 (Excel "CSV (gescheiden door lijstscheidingsteken)") or UTF-16 ("Unicode-tekst").
 * Anything that is not text (a spreadsheet or a picture renamed .csv) is refused here.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  return { text: [...decodeChunks(bytes, encoding)].join(''), encoding };
}

/** The encoding of a text file, or a clear refusal when it is not text. */
export function detectEncoding(bytes: Buffer): TextEncoding {
  if (bytes.length === 0) throw importError('empty', 'The file is empty');
  refuseBinary(bytes);
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf-16';
  refuseNul(bytes);
  // Checked without decoding: anything that is not valid UTF-8 is an ANSI export.
  return isUtf8(bytes) ? 'utf-8' : 'windows-1252';
}

/** The text of the file piece by piece (a character split between pieces is kept whole). */
export function* decodeChunks(bytes: Buffer, encoding: TextEncoding): Generator<string> {
  if (encoding === 'utf-8') {
    yield* utf8Chunks(bytes);
    return;
  }
  const decoder = streamDecoder(bytes, encoding);
  for (let at = decoder.start; at < bytes.length; at += CHUNK_BYTES) {
    const text = decoder.write(bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length)));
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * UTF-8 cut at character boundaries and decoded by Buffer#toString: unlike a streaming
 * TextDecoder it leaves no native buffers behind for the garbage collector to find later.
 */
function* utf8Chunks(bytes: Buffer): Generator<string> {
  let at = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  while (at < bytes.length) {
    let end = Math.min(at + CHUNK_BYTES, bytes.length);
    // Never end inside a character: back up over continuation bytes (10xxxxxx).
    while (end < bytes.length && end > at && (bytes[end]! & 0xc0) === 0x80) end -= 1;
    if (end === at) end = Math.min(at + CHUNK_BYTES, bytes.length);
    yield bytes.toString('utf8', at, end);
    at = end;
  }
}

/** iconv's streaming decoders for the ANSI and UTF-16 files. */
function streamDecoder(
  bytes: Buffer,
  encoding: Exclude<TextEncoding, 'utf-8'>,
): { start: number; write(chunk: Buffer): string; end(): string } {
  const name =
    encoding === 'windows-1252'
      ? 'win1252'
      : startsWith(bytes, [0xff, 0xfe])
        ? 'utf-16le'
        : 'utf-16be';
  const decoder = iconv.getDecoder(name);
  return {
    start: encoding === 'utf-16' ? 2 : 0,
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Zip (xlsx, docx), old Excel (.xls) and PDF files announce themselves in their first bytes. */
function refuseBinary(bytes: Buffer): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw importError('zipNotCsv', 'The file is a spreadsheet or zip file, not a CSV');
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw importError('oldExcel', 'Old Excel files (.xls) are not supported');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw importError('notText', 'The file is not a text file');
}

/** Text never holds NUL bytes or many control characters; binary files do. */
function refuseNul(bytes: Buffer): void {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw importError('notText', 'The file is not a text file');
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  if (control > sample.length / 100) throw importError('notText', 'The file is not a text file');
}
