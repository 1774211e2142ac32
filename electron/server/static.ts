import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../main/policy';

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
};

/** The page with a fresh nonce for Mantine's <style> tag, announced to the renderer in a meta tag. */
export function withNonce(html: string): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  return {
    html: html.replace('<head>', `<head><meta name="csp-nonce" content="${nonce}">`),
    nonce,
  };
}

export async function serveStatic(
  rootDir: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '');
  const isAsset = relative !== '' && !relative.endsWith(sep) && extname(relative) !== '';
  const file = isAsset ? join(rootDir, relative) : join(rootDir, 'index.html');
  if (!file.startsWith(rootDir + sep) && file !== join(rootDir, 'index.html')) {
    res.writeHead(404).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    if (isAsset) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built yet: run "npm run build:renderer".');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    const { html, nonce } = withNonce(body.toString('utf8'));
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy(nonce),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(html);
    return;
  }
  res.writeHead(200, {
    'content-type': type,
    'cache-control': file.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
