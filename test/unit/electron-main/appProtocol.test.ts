import { describe, expect, it } from 'vitest';
import {
  assetHeaders,
  pageHeaders,
  planAppRequest,
  previewHeaders,
} from '../../../electron/main/appProtocol';
import type { NodeRoute } from '../../../electron/main/nodeRoute';
import { runNodeRoute } from '../../../electron/main/nodeRoute';

const root = '/app/renderer/dist';

describe('planAppRequest', () => {
  it('serves the page for the root, index.html and extension-less paths (hash routing)', () => {
    expect(planAppRequest('app://winkelpost/', root)).toEqual({
      kind: 'page',
      file: `${root}/index.html`,
    });
    expect(planAppRequest('app://winkelpost/index.html', root)).toEqual({
      kind: 'page',
      file: `${root}/index.html`,
    });
    expect(planAppRequest('app://winkelpost/account', root)).toEqual({
      kind: 'page',
      file: `${root}/index.html`,
    });
  });

  it('serves built assets with their type', () => {
    expect(planAppRequest('app://winkelpost/assets/index-1.js', root)).toEqual({
      kind: 'asset',
      file: `${root}/assets/index-1.js`,
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('routes the mail preview to the preview handler', () => {
    expect(planAppRequest('app://winkelpost/_preview/m1?images=0', root)).toEqual({
      kind: 'preview',
    });
  });

  it('refuses unknown file types, escapes and other hosts', () => {
    expect(planAppRequest('app://winkelpost/secret.key', root).kind).toBe('notFound');
    expect(planAppRequest('app://winkelpost/x/..%2f..%2fwinkelpost.sqlite', root).kind).toBe(
      'notFound',
    );
    expect(planAppRequest('app://elsewhere/index.html', root).kind).toBe('notFound');
  });
});

describe('response headers', () => {
  it('sends the page with a CSP carrying the same nonce, never cached', () => {
    const headers = pageHeaders('n0nce');
    expect(headers['content-security-policy']).toContain("'nonce-n0nce'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['cache-control']).toBe('no-store');
    expect(assetHeaders('image/png')['x-content-type-options']).toBe('nosniff');
  });

  it('replaces whatever CSP the preview route set with the preview policy', () => {
    const headers = previewHeaders({
      'content-type': 'text/html',
      'content-security-policy': "script-src 'unsafe-inline'",
    });
    expect(headers['content-type']).toBe('text/html');
    expect(headers['content-security-policy']).toContain("script-src 'none'");
  });
});

describe('runNodeRoute (browser-mode routes under app://)', () => {
  it('captures status, headers and body written by a node:http style route', async () => {
    const route: NodeRoute = async (req, res, url) => {
      expect(req.method).toBe('GET');
      res.setHeader('X-Mailing', url.searchParams.get('id') ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<p>Hallo ');
      res.end(Buffer.from('klant</p>'));
    };
    const answer = await runNodeRoute(route, new URL('app://winkelpost/_preview/x?id=m7'));
    expect(answer.status).toBe(200);
    expect(answer.headers).toEqual({
      'x-mailing': 'm7',
      'content-type': 'text/html; charset=utf-8',
    });
    expect(answer.body.toString('utf8')).toBe('<p>Hallo klant</p>');
  });

  it('passes a 404 through', async () => {
    const route: NodeRoute = async (_req, res) => {
      res.writeHead(404).end();
    };
    const answer = await runNodeRoute(route, new URL('app://winkelpost/_preview/none'));
    expect(answer.status).toBe(404);
    expect(answer.body.length).toBe(0);
  });
});
