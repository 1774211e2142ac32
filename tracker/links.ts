import { MAX_LINK_URL_LENGTH } from './api/schemas';

/**
 * Only absolute http(s) URLs may be registered or redirected to: no javascript:, data:, file:,
 * no credentials in the URL, no control characters. Checked at registration and again at redirect.
 */
export function safeRedirectUrl(raw: string): string | null {
  if (raw.length > MAX_LINK_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  return url.href;
}
