import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { RENDERER_DIST } from '../../electron/paths';
import type { Logger } from '../../electron/services/core/logger';
import { bearer } from '../helpers/browserSession';
import { startTestApp, type TestApp } from '../helpers/testApp';

let testApp: TestApp;
let server: RunningServer;
const logged: string[] = [];
const recordingLogger: Logger = {
  info: () => {},
  warn: (message) => logged.push(message),
  error: (message, detail) => logged.push(`${message} ${String(detail)}`),
};

beforeAll(async () => {
  testApp = await startTestApp({ logger: recordingLogger });
  server = await startServer({ app: testApp.app, port: 0, rendererDir: RENDERER_DIST });
});
afterAll(async () => {
  await server.close();
  await testApp.close();
});

function post(
  channel: string,
  body: unknown,
  headers: Record<string, string> = {},
  auth: Record<string, string> = bearer(server),
) {
  return fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth, ...headers },
    body: JSON.stringify(body),
  });
}

/** A raw request, for a Host header or a path that fetch would not send as given. */
function raw(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: 'GET', headers },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode over HTTP', () => {
  it('answers app.info with the data folder and branding', async () => {
    const res = await post('app.info', {});
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.value.dataDir).toBe(testApp.dataDir);
    expect(body.value.branding.productName).toBe('Winkelpost');
    expect(body.value.language).toBe('nl');
    expect(body.value.secretsProtection).toBe('fileSystem');
  });

  it('saves settings and never returns the SMTP password', async () => {
    const res = await post('settings.update', {
      smtp: {
        host: 'smtp.example.nl',
        port: 465,
        security: 'tls',
        user: 'winkel',
        password: 'geheim',
      },
      senders: [{ name: 'Mode Marijke', email: 'info@marijke.nl', replyTo: '' }],
    });
    const body = await res.json();
    expect(body.ok).toBe(true);
    expect(body.value.smtp).toEqual({
      host: 'smtp.example.nl',
      port: 465,
      security: 'tls',
      user: 'winkel',
      passwordSet: true,
    });
    expect(JSON.stringify(body)).not.toContain('geheim');
    expect(testApp.app.context.settings.smtpPassword()).toBe('geheim');
    const raw = testApp.app.context.database.sqlite
      .prepare('select group_concat(value) v from settings')
      .get() as { v: string };
    expect(raw.v).not.toContain('geheim');
  });

  it('refuses bad input with 400 and names the field, saving nothing', async () => {
    const before = await (await post('settings.get', {})).json();
    const res = await post('settings.update', {
      smtp: { host: 'smtp.example.nl', port: 99999, security: 'tls', user: '' },
      shop: { name: 'Half opgeslagen' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.issues[0].field).toBe('smtp.port');
    expect(body.error.issues[0].key).toBe('settings:errors.port');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    const after = await (await post('settings.get', {})).json();
    expect(after.value.shop.name).toBe(before.value.shop.name);
  });

  it('refuses a file named by its path: over HTTP only uploaded bytes are read', async () => {
    const res = await post('selections.analyze', {
      fileName: 'passwd.csv',
      filePath: '/etc/passwd',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(JSON.stringify(body)).not.toContain('root');
  });

  it('refuses unknown channels, non-JSON and cross-origin posts', async () => {
    expect((await post('nope.nothing', {})).status).toBe(404);
    const text = await fetch(`${server.url}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...bearer(server) },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await post('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('streams events to server-sent event clients', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/events`, {
      signal: controller.signal,
      headers: bearer(server),
    });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    await post('settings.update', { language: 'en' });
    let text = '';
    while (!text.includes('settings.changed'))
      text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('"language":"en"');
    controller.abort();
  });
});

describe('browser mode access token', () => {
  it("writes this start's token to <dataDir>/browser-token, readable by its owner only", () => {
    const file = join(testApp.dataDir, 'browser-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(server.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 to /api, the event stream and the page without the token', async () => {
    const anonymous = await post('contacts.export', { email: 'jan@example.nl' }, {}, {});
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.key).toBe('common:errors.unauthorized');
    const wrong = await post('app.info', {}, {}, { authorization: 'Bearer nep' });
    expect(wrong.status).toBe(401);
    const wrongCookie = await post('app.info', {}, { cookie: `${server.cookie.name}=nep` }, {});
    expect(wrongCookie.status).toBe(401);
    expect((await fetch(`${server.url}/api/events`)).status).toBe(401);
    expect((await fetch(`${server.url}/`)).status).toBe(401);
    expect((await fetch(`${server.url}/?token=nep`)).status).toBe(401);
  });

  it('trades the printed link for an HttpOnly SameSite=Strict cookie and drops the token', async () => {
    const res = await fetch(`${server.openUrl.replace('/?', '/?tab=1&')}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/?tab=1');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${server.cookie.name}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const elsewhere = await fetch(`${server.url}/%5Cevil.example?token=${server.token}`, {
      redirect: 'manual',
    });
    expect(elsewhere.headers.get('location')).toBe('/%5Cevil.example');
    // A path that normalises to `//host` must not become a redirect to that host.
    const dotted = await raw(`/x/..//evil.example/?token=${server.token}`, {});
    expect(dotted.location).toBe('/evil.example/');

    const withCookie = { cookie: cookie.split(';')[0] as string };
    expect((await post('app.info', {}, withCookie, {})).status).toBe(200);
    expect((await post('app.info', {})).status).toBe(200);
  });

  it('works on localhost as on 127.0.0.1 and still refuses other sites and rebound names', async () => {
    const localhost = `http://localhost:${server.port}`;
    const own = await post('app.info', {}, { origin: localhost, host: `localhost:${server.port}` });
    expect(own.status).toBe(200);
    expect((await post('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('app.info', {}, { origin: 'http://localhost:1' })).status).toBe(403);
    const rebound = await raw('/api/events', {
      host: `evil.example:${server.port}`,
      ...bearer(server),
    });
    expect(rebound.status).toBe(421);
  });

  it('answers a malformed URL with 400 and logs no stack', async () => {
    logged.length = 0;
    expect((await raw('/%ZZ', {})).status).toBe(400);
    expect((await raw('/_preview/%ZZ', bearer(server))).status).toBe(400);
    expect((await raw('/assets/%E0%A4%A.js', {})).status).toBe(400);
    expect(logged).toEqual([]);
  });
});
