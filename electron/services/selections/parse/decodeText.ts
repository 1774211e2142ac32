import iconv from 'iconv-lite';
import { importError } from '../importError';

export type TextEncoding = 'utf-8' | 'utf-16' | 'windows-1252';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Turns the bytes of a CSV into text. Dutch shop systems write UTF-8 (with or without BOM),
 * Windows-1252 (Excel "CSV (gescheiden door lijstscheidingsteken)") or UTF-16 ("Unicode-tekst").
 * Anything that is not text (a spreadsheet or a picture renamed .csv) is refused here.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw importError('empty', 'The file is empty');
  refuseBinary(bytes);
  if (startsWith(bytes, UTF8_BOM)) return { text: utf8(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16' };
  refuseNul(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
  }
}

function utf8(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
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
