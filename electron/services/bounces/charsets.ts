import type Iconv from 'iconv-lite';
import { lazyRequire } from '../core/lazyRequire';

/** Some 5 MB, for the rare bounce in an odd charset: loaded when one comes. */
const iconv = lazyRequire<typeof Iconv>('iconv-lite');

const decoders = new Map<string, TextDecoder | null>();

/** Bytes in a declared charset → text; unknown charsets fall back to iconv-lite, then latin1. */
export function decodeCharset(bytes: Buffer, charset: string): string {
  const name = (charset || 'utf-8').trim().toLowerCase();
  if (name === 'us-ascii' || name === 'ascii') return bytes.toString('latin1');
  let decoder = decoders.get(name);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(name);
    } catch {
      decoder = null;
    }
    decoders.set(name, decoder);
  }
  if (decoder) return decoder.decode(bytes);
  if (iconv().encodingExists(name)) return iconv().decode(bytes, name);
  return bytes.toString('latin1');
}

/** Decodes a MIME part body (held as a latin1 string of its raw bytes) to text. */
export function decodeTransfer(raw: string, transferEncoding: string, charset: string): string {
  const encoding = transferEncoding.trim().toLowerCase();
  let bytes: Buffer;
  if (encoding === 'base64') bytes = Buffer.from(raw.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (encoding === 'quoted-printable') bytes = decodeQuotedPrintable(raw);
  else bytes = Buffer.from(raw, 'latin1');
  return decodeCharset(bytes, charset);
}

function decodeQuotedPrintable(raw: string): Buffer {
  const text = raw.replace(/=\r?\n/g, '');
  const out = Buffer.alloc(text.length);
  let length = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 61 /* = */ && i + 2 < text.length) {
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        out[length++] = parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    out[length++] = char & 0xff;
  }
  return out.subarray(0, length);
}
