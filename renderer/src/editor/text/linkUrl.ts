import { isAllowedLinkWithVariables } from '../../../../electron/contract/plain/links';

/**
 * A missing scheme on a web address is added for the shopkeeper ("www.winkel.nl" just works).
 */
export function normalizeLinkUrl(input: string): string {
  const value = input.trim();
  if (value === '') return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}

/**
 * The contract's rule (web and mail links only, variables allowed), imported rather than copied.
 * On top of it the editor asks for a dot in a web address's host (or localhost): "https://winkel"
 * is allowed in a mail but is almost always a typing slip, so the shopkeeper hears it at once.
 */
export function isAllowedLinkUrl(url: string): boolean {
  if (!isAllowedLinkWithVariables(url)) return false;
  const value = url.trim().replace(/\[\[[^\]]*\]\]/g, 'x');
  if (/^mailto:/i.test(value)) return true;
  const host = new URL(value).hostname;
  return host.includes('.') || host === 'localhost';
}
