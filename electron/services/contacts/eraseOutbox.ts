import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeEmail } from '../suppression/email';

/**
 * Removes every mail in the outbox folder that names the address (To, body, variables). Mails are
 * 7-bit text: quoted-printable soft line breaks are joined first so an address split over two
 * lines is found too. Returns the names of the removed files.
 */
export function removeOutboxMails(folder: string, email: string): string[] {
  const needle = normalizeEmail(email);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.eml') && !name.endsWith('.tmp')) continue;
    const file = join(folder, name);
    const text = readFileSync(file, 'latin1')
      .replace(/=\r?\n/g, '')
      .toLowerCase();
    if (text.includes(needle) || text.includes(needle.replace(/=/g, '=3d'))) {
      rmSync(file, { force: true });
      removed.push(name);
    }
  }
  return removed;
}
