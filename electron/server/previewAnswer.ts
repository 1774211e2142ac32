import { previewContentSecurityPolicy } from '../main/policy';

export interface PreviewResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A short explanation in both languages, where the frame cannot show a mail. */
export function plainAnswer(status: number, body: string): PreviewResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    body,
  };
}

/**
 * A mail as a page of its own for the renderer's sandboxed iframe. The app's CSP forbids the
 * inline styles every mail needs, so the page gets the preview policy (no scripts, no forms).
 */
export function mailPageAnswer(html: string): PreviewResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': previewContentSecurityPolicy(),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: html,
  };
}
