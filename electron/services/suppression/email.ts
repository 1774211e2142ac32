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

// Pragmatic address check: one @, a dotted domain, no spaces or control characters.
const ADDRESS =
  /^[^\s@"<>()[\]\\,;:]+(\.[^\s@"<>()[\]\\,;:]+)*@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isValidEmail(email: string): boolean {
  const value = email.trim();
  return value.length <= 254 && ADDRESS.test(value) && (value.split('@')[0]?.length ?? 0) <= 64;
}
