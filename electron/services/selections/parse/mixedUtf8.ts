import type Iconv from 'iconv-lite';
import { lazyRequire } from '../../core/lazyRequire';

const iconv = lazyRequire<typeof Iconv>('iconv-lite');

/**
 * Text that is UTF-8 but for a few bytes: a list kept in UTF-8 into which one name was pasted
 * from an ANSI file ("Ren\xe9"). Read as Windows-1252 as a whole, every ë of the UTF-8 part turns
 * into "Ã«"; read as UTF-8, the stray byte becomes "�". So each valid UTF-8 sequence is kept and
 * each stray byte is read as the Windows-1252 character it is. Our own because no decoder mixes
 * two encodings; it runs only for such files.
 */
export function isMostlyUtf8(bytes: Buffer): boolean {
  let sequences = 0;
  let stray = 0;
  for (let at = 0; at < bytes.length;) {
    if (bytes[at]! < 0x80) {
      at += 1;
      continue;
    }
    const length = sequenceLength(bytes, at);
    if (length > 0) sequences += 1;
    else stray += 1;
    at += length || 1;
  }
  return sequences > 0 && sequences >= stray;
}

/** The bytes as UTF-8, stray bytes read as Windows-1252 (a sequence cut by the end is stray). */
export function repairMixedUtf8(bytes: Buffer): Buffer {
  const table = win1252Table();
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = 0; at < bytes.length;) {
    if (bytes[at]! < 0x80) {
      at += 1;
      continue;
    }
    const length = sequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    parts.push(bytes.subarray(from, at), table[bytes[at]!]!);
    at += 1;
    from = at;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** The length of the valid UTF-8 sequence at `at` (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(bytes: Buffer, at: number): number {
  const lead = bytes[at]!;
  const next = (i: number, low = 0x80, high = 0xbf) => {
    const b = bytes[at + i];
    return b !== undefined && b >= low && b <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return next(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return next(1, low, high) && next(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return next(1, low, high) && next(2) && next(3) ? 4 : 0;
  }
  return 0;
}

let table: Buffer[] | undefined;

function win1252Table(): Buffer[] {
  table ??= Array.from({ length: 256 }, (_, byte) =>
    Buffer.from(iconv().decode(Buffer.from([byte]), 'win1252'), 'utf8'),
  );
  return table;
}
