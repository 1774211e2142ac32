import { isUtf8 } from 'node:buffer';
import type Iconv from 'iconv-lite';
import { lazyRequire } from '../../core/lazyRequire';
import { importError } from '../importError';
import { looksLikeMacRoman } from './macRoman';
import { isMostlyUtf8, repairMixedUtf8 } from './mixedUtf8';

/** Some 5 MB, for a file that is not UTF-8: loaded when one comes. */
const iconv = lazyRequire<typeof Iconv>('iconv-lite');

export type TextEncoding = 'utf-8' | 'utf-16' | 'windows-1252' | 'macintosh';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * How many bytes are decoded at a time: the file's text is never one string, and the rows of one
 * piece die young (a larger piece made them outlive V8's young generation and pile up).
 */
const CHUNK_BYTES = 64 * 1024;

/**
 * Dutch shop systems write UTF-8 (with or without BOM), Windows-1252 (Excel "CSV (gescheiden door
 * lijstscheidingsteken)"), Mac Roman (Excel for Mac "CSV", macRoman.ts) or UTF-16 ("Unicode-tekst", with or without BOM). Anything that is not
 * text (a spreadsheet or a picture renamed .csv) is refused here.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const detected = detectEncoding(bytes);
  const text = Buffer.concat([...utf8Chunks(bytes, detected)]).toString('utf8');
  return { text, encoding: detected.encoding };
}

/** How a CSV's bytes are read, and a warning when the file says one thing and holds another. */
export interface DetectedEncoding {
  encoding: TextEncoding;
  /** For UTF-16: which byte comes first. */
  littleEndian: boolean;
  /** Bytes to skip: the byte order mark. */
  skip: number;
  warning?: 'bomNotUtf8' | 'mixedEncoding' | 'macRoman';
  /** UTF-8 with a few Windows-1252 bytes: the text repaired once (mixedUtf8.ts). */
  repaired?: Buffer;
}

/** The encoding of a text file, or a clear refusal when it is not text. */
export function detectEncoding(bytes: Buffer): DetectedEncoding {
  if (bytes.length === 0) throw importError('empty', 'The file is empty');
  refuseBinary(bytes);
  if (startsWith(bytes, UTF8_BOM)) {
    if (isUtf8(bytes.subarray(3))) return { encoding: 'utf-8', littleEndian: false, skip: 3 };
    if (isMostlyUtf8(bytes.subarray(3))) return mixedUtf8(bytes, 3);
    // A tool put a BOM before an ANSI export: read it as what it is, and say so.
    return { encoding: 'windows-1252', littleEndian: false, skip: 3, warning: 'bomNotUtf8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16', littleEndian: true, skip: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16', littleEndian: false, skip: 2 };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: 'utf-16', littleEndian: utf16 === 'le', skip: 0 };
  refuseNul(bytes);
  // Checked without decoding: anything that is not valid UTF-8 is an ANSI export, unless it is
  // UTF-8 but for a few pasted bytes.
  if (isUtf8(bytes)) return { encoding: 'utf-8', littleEndian: false, skip: 0 };
  if (isMostlyUtf8(bytes)) return mixedUtf8(bytes, 0);
  if (looksLikeMacRoman(bytes))
    return { encoding: 'macintosh', littleEndian: false, skip: 0, warning: 'macRoman' };
  return { encoding: 'windows-1252', littleEndian: false, skip: 0 };
}

function mixedUtf8(bytes: Buffer, skip: number): DetectedEncoding {
  return {
    encoding: 'utf-8',
    littleEndian: false,
    skip,
    warning: 'mixedEncoding',
    repaired: repairMixedUtf8(bytes),
  };
}

/**
 * UTF-16 without a byte order mark: Latin text has a zero byte in every other place (odd places
 * for little-endian, even for big-endian), which no 8-bit text has.
 */
function utf16WithoutBom(bytes: Buffer): 'le' | 'be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'be';
  return null;
}

/**
 * The file as UTF-8 pieces for the CSV parser (a character split between pieces is kept whole):
 * UTF-8 files as they are, the others through iconv's streaming decoders.
 */
export function* utf8Chunks(bytes: Buffer, detected: DetectedEncoding): Generator<Buffer> {
  if (detected.repaired) bytes = detected.repaired;
  if (detected.encoding === 'utf-8') {
    for (let at = detected.skip; at < bytes.length; at += CHUNK_BYTES)
      yield bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length));
    return;
  }
  const decoder = iconv().getDecoder(
    detected.encoding === 'windows-1252'
      ? 'win1252'
      : detected.encoding === 'macintosh'
        ? 'macintosh'
        : detected.littleEndian
          ? 'utf-16le'
          : 'utf-16be',
  );
  for (let at = detected.skip; at < bytes.length; at += CHUNK_BYTES) {
    const text = decoder.write(bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length)));
    if (text) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** The start of the text (for the delimiter and the sep= line). */
export function firstText(bytes: Buffer, detected: DetectedEncoding): string {
  const first = utf8Chunks(bytes.subarray(0, 64 * 1024 + detected.skip), detected).next();
  return first.done ? '' : first.value.toString('utf8');
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
