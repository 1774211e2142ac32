import { describe, expect, it } from 'vitest';
import {
  assetHeaders,
  pageHeaders,
  PREVIEW_PREFIX,
  planAppRequest,
  previewHeaders,
} from '../../../electron/main/appProtocol';
import { PREVIEW_PREFIX as SERVER_PREVIEW_PREFIX } from '../../../electron/server/previewRoute';

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

  it('routes the mail preview to the preview handler, on the same path as browser mode', () => {
    expect(PREVIEW_PREFIX).toBe(SERVER_PREVIEW_PREFIX);
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
