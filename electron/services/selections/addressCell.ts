import { domainToASCII } from 'node:url';
import { isValidEmail } from '../suppression/email';

/** What an address cell that is not a plain address holds. */
export type AddressCell =
  { email: string } | { problem: 'multipleEmails' | 'internationalEmail' } | null;

const WRAPPED = /^(?:mailto:)?\s*["'<]*\s*(?:mailto:)?([^"'<>\s]+)\s*[>"']*$/i;
/** The address of `Jan Jansen <jan@example.nl>`, as mail programs and some CRMs write it. */
const NAMED = /<\s*(?:mailto:)?([^<>\s]+)\s*>\s*["']?$/i;
const SEPARATORS = /[\s;,]+/;
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * The address a cell means when it is not written plainly: `mailto:`, quotes or angle brackets
 * around it, `Name <address>`, invisible characters copied along, or a domain with accents (café.nl, written in its xn-- form, which
 * every mail server takes). Two addresses in one cell are a problem of their own: which one the
 * shop wants is its choice. Null when the cell holds no address. Only cells that failed the plain
 * check come here, so the import's per-row work for ordinary addresses stays the same.
 */
export function readAddressCell(text: string): AddressCell {
  // Invisible characters copied along from a web page or a chat (zero-width space, soft hyphen).
  const cell = text.replace(INVISIBLE, '');
  const parts = cell.split(SEPARATORS).filter((part) => part.includes('@'));
  if (parts.length > 1 && parts.filter((part) => unwrap(part) !== null).length > 1)
    return { problem: 'multipleEmails' };
  const email = unwrap(cell.trim());
  if (email !== null) return { email };
  // zoë@café.nl: the domain can be written in ASCII, the accent before the @ cannot.
  const international = asciiDomain(cell.trim());
  return international !== null && isValidEmail(international, { smtpUtf8: true })
    ? { problem: 'internationalEmail' }
    : null;
}

function unwrap(text: string): string | null {
  const inner = NAMED.exec(text)?.[1] ?? WRAPPED.exec(text)?.[1];
  if (inner === undefined) return null;
  const address = asciiDomain(inner);
  return address !== null && isValidEmail(address) ? address : null;
}

/** local@café.nl → local@xn--caf-dma.nl (IDNA); an ASCII domain stays as written. */
function asciiDomain(address: string): string | null {
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const domain = address.slice(at + 1);
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(domain)) return address;
  const ascii = domainToASCII(domain);
  return ascii === '' ? null : `${address.slice(0, at)}@${ascii}`;
}
