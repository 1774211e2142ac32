import { compactHeader } from './emailHeaders';
import type { ColumnPlan } from './mapping';

/**
 * Webshop exports list every customer with their answer to e-mail marketing: Shopify's "Accepts
 * Email Marketing" (earlier "Accepts Marketing"), a till's "Nieuwsbrief". A customer who answered
 * no is never imported, whatever the shop confirms for the file as a whole.
 */
const CONSENT_HEADERS = new Set([
  'acceptsemailmarketing',
  'acceptsmarketing',
  'emailmarketing',
  'emailmarketingconsent',
  'marketingoptin',
  'newsletter',
  'nieuwsbrief',
  'toestemmingnieuwsbrief',
  'toestemmingmailing',
]);

const REFUSED = new Set(['no', 'nee', 'n', 'false', 'onwaar', '0', 'unsubscribed', 'afgemeld']);

/**
 * The column holding that answer, or -1. A column the shop set to be left out (`ignore`) does not
 * count: the shop knows better where consent was given.
 */
export function consentColumnIndex(columns: ColumnPlan[]): number {
  const column = columns.find(
    (c) =>
      c.target !== 'ignore' && c.target !== 'email' && CONSENT_HEADERS.has(compactHeader(c.header)),
  );
  return column?.index ?? -1;
}

/** Whether the cell says no (an empty cell is no answer). */
export function saysNo(cell: string | undefined): boolean {
  return cell !== undefined && cell !== '' && REFUSED.has(cell.trim().toLowerCase());
}
