import { createHash } from 'node:crypto';

/**
 * One spelling per mailbox, so a customer in two selections (or in the suppression list) is one
 * person: trimmed and lower-cased. (Gmail dots and +tags are kept: they can be different people
 * at other providers and removing them would be guessing.)
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Kept for ever in the suppression list, also after the address itself is erased. */
export function emailHash(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

/**
 * Addresses a mail server accepts. The local part is a dot-atom (RFC 5322): atoms of the printable
 * ASCII that needs no quoting, joined by single dots, no dot at either end. Internationalised
 * local parts (RFC 6531: jürgen@…) only reach their mailbox when every server on the way announces
 * SMTPUTF8, and the shop cannot know that when importing, so they are refused unless the caller
 * says its server announces it (`smtpUtf8`); even then only as NFKC text (no full-width forms,
 * which look like ASCII but are other characters) of letters, digits and marks. The domain is
 * ASCII (an internationalised domain arrives in its xn-- form).
 */
const ASCII_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const UTF8_LOCAL =
  /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isValidEmail(email: string, options: { smtpUtf8?: boolean } = {}): boolean {
  const value = email.trim();
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > 254) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length > 64 || !DOMAIN.test(domain)) return false;
  if (ASCII_LOCAL.test(local)) return true;
  return options.smtpUtf8 === true && local.normalize('NFKC') === local && UTF8_LOCAL.test(local);
}
