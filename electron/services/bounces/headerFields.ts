import { decodeCharset } from './charsets';

/** Header name (lower-cased) → every value in order, unfolded. */
export type HeaderMap = Map<string, string[]>;

/** Parses an RFC 5322 header block (CRLF or LF line ends), unfolding continuation lines. */
export function parseHeaderBlock(block: string): HeaderMap {
  const headers: HeaderMap = new Map();
  let name = '';
  let value = '';
  const flush = () => {
    if (!name) return;
    const list = headers.get(name);
    if (list) list.push(value.trim());
    else headers.set(name, [value.trim()]);
  };
  for (const line of block.split(/\r?\n/)) {
    if (line === '') continue;
    const first = line.charCodeAt(0);
    if (first === 32 || first === 9) {
      value += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    flush();
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  flush();
  return headers;
}

export function firstHeader(headers: HeaderMap, name: string): string {
  return headers.get(name)?.[0] ?? '';
}

/** A header map reduced to the first value of each name (for the returned original's headers). */
export function firstValues(headers: HeaderMap): Map<string, string> {
  const result = new Map<string, string>();
  for (const [name, values] of headers) result.set(name, values[0] ?? '');
  return result;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/** RFC 2047 encoded words (=?utf-8?Q?…?=) in a header value → text. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return decodeRawHeader(value);
  // Whitespace between two adjacent encoded words is not part of the text.
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(ENCODED_WORD, (_all, charset: string, encoding: string, text: string) => {
    const bytes =
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-fA-F]{2})/g, (_m, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          );
    return decodeCharset(bytes, charset.replace(/\*.*$/, ''));
  });
}

/** Content-Type (or any parameterised header) → lower-cased value and parameters. */
export function parseParameterised(value: string): { value: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  const semicolon = value.indexOf(';');
  const main = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (semicolon !== -1) {
    const rest = value.slice(semicolon + 1);
    const param = /([a-zA-Z0-9*_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;
    for (let match = param.exec(rest); match; match = param.exec(rest)) {
      params.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? '');
    }
  }
  return { value: main, params };
}

const ADDRESS = /[a-z0-9!#$%&'*+/=?^_`{|}~.-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;

/** The first e-mail address in a value such as `rfc822; Anna@Example.nl` or `"A" <a@b.nl>`. */
export function extractAddress(value: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  if (angle) return angle[1]!.toLowerCase();
  const match = ADDRESS.exec(value);
  return match ? match[0].toLowerCase() : '';
}

/** Every address in a comma-separated header value. */
export function extractAddresses(value: string): string[] {
  return value
    .split(',')
    .map(extractAddress)
    .filter((a) => a !== '');
}

/**
 * Header text sent unencoded in violation of RFC 2047, as Japanese carriers (raw ISO-2022-JP) and
 * Yandex (raw UTF-8) do; the parsers hold header bytes as latin1.
 */
function decodeRawHeader(value: string): string {
  if (value.includes('\x1b$')) return decodeCharset(Buffer.from(value, 'latin1'), 'iso-2022-jp');
  if (!/[\x80-\xff]/.test(value)) return value;
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? value : utf8;
}
