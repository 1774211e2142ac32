import { isIP } from 'node:net';
import { MAX_LINK_URL_LENGTH } from './api/schemas';

/**
 * Names that never lead to a public web site: a shop on the reseller's shared tracker domain must
 * not be able to bounce recipients (or their mail scanners) to the tracker's own machine or network.
 */
const PRIVATE_NAME_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.home.arpa'];

/** A host name on the public internet: not an IP literal, not loopback, not a single label. */
export function isPublicHostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // The URL parser already turned 2130706433, 0x7f.1 and the like into dotted IPv4.
  if (host.startsWith('[') || isIP(host) !== 0) return false;
  if (host === 'localhost' || PRIVATE_NAME_SUFFIXES.some((suffix) => host.endsWith(suffix)))
    return false;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => label.length > 0);
}

/**
 * Only absolute http(s) URLs to a public host name may be registered or redirected to: no
 * javascript:, data:, file:, no credentials, no IP literals or loopback, no control characters.
 * Checked at registration and again at redirect.
 */
export function safeRedirectUrl(raw: string): string | null {
  if (raw.length > MAX_LINK_URL_LENGTH) return null;
  // A backslash reads as a slash to browsers: `https://evil.example\@shop.nl` looks like the
  // shop's link to a person checking it and leads to evil.example.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !isPublicHostName(url.hostname)) return null;
  return url.href;
}

/** The key of a link target in the tracker's link cache (see routes/public.ts and fastPaths.ts). */
export const linkKey = (account: string, mailing: string, link: number): string =>
  `${account}\u0000${mailing}\u0000${link}`;

/** The prefix of every cached link of one mailing, to drop them when its link table changes. */
export const mailingLinksPrefix = (account: string, mailing: string): string =>
  `${account}\u0000${mailing}\u0000`;
