/**
 * The same rule as the main side's LinkUrl: web and mail links only (no javascript: and the like).
 * A missing scheme on a web address is added for the shopkeeper ("www.winkel.nl" just works).
 */
export function normalizeLinkUrl(input: string): string {
  const value = input.trim();
  if (value === '') return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}

export function isAllowedLinkUrl(url: string): boolean {
  const value = url.trim().replace(/\[\[[^\]]*\]\]/g, 'x');
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(value)) return true;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const parsed = new URL(value);
    return parsed.hostname.includes('.') || parsed.hostname === 'localhost';
  } catch {
    return false;
  }
}
