import { extname } from 'node:path';
import { contentSecurityPolicy, previewContentSecurityPolicy, resolveAppFile } from './policy';

/** Prefix of the mail preview served to the sandboxed iframe (same route as in browser mode). */
export const PREVIEW_PREFIX = '/_preview/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export type AppRequestPlan =
  | { kind: 'preview' }
  | { kind: 'page'; file: string }
  | { kind: 'asset'; file: string; contentType: string }
  | { kind: 'notFound' };

/**
 * What an app://winkelpost/… request gets: the page (index.html, also for extension-less paths:
 * routing is by hash), a file of the built renderer, or the mail preview. Never a file outside
 * the renderer folder, never another host.
 */
export function planAppRequest(url: string, rendererDir: string): AppRequestPlan {
  const file = resolveAppFile(url, rendererDir);
  if (file === null) return { kind: 'notFound' };
  const pathname = new URL(url).pathname;
  if (pathname.startsWith(PREVIEW_PREFIX)) return { kind: 'preview' };
  const ext = extname(file);
  if (ext === '' || ext === '.html') {
    return {
      kind: 'page',
      file: ext === '' ? `${rendererDir.replace(/[\\/]+$/, '')}/index.html` : file,
    };
  }
  const contentType = TYPES[ext];
  return contentType ? { kind: 'asset', file, contentType } : { kind: 'notFound' };
}

/** Headers of the app page: a CSP whose style nonce matches the one withNonce put in the page. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'content-type': TYPES['.html']!,
    'content-security-policy': contentSecurityPolicy(nonce),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

export function assetHeaders(contentType: string): Record<string, string> {
  return { 'content-type': contentType, 'x-content-type-options': 'nosniff' };
}

/** The preview's own headers win over whatever the route set: no script, its own CSP. */
export function previewHeaders(fromRoute: Record<string, string>): Record<string, string> {
  return {
    ...fromRoute,
    'content-security-policy': previewContentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}
