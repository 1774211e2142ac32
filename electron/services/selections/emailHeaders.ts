/**
 * Header names of the e-mail column, apart from the other variables' (headers.ts) so the import
 * worker can find the header row without loading the contract (zod).
 */

/** Lower case, no accents, letters and digits only: "E-mailadres " → "emailadres". */
export function compactHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Dutch and English names shop systems write for the e-mail column (compacted). */
export const EMAIL_HEADERS = [
  'email',
  'emailadres',
  'emailaddress',
  'mail',
  'mailadres',
  'emailklant',
  'klantemail',
  'emailadresklant',
  'email1',
];

const EMAIL_NAMES = new Set(EMAIL_HEADERS);

export function isEmailHeader(cell: string): boolean {
  return EMAIL_NAMES.has(compactHeader(cell));
}
