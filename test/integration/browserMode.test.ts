import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { RENDERER_DIST } from '../../electron/paths';
import { startTestApp, type TestApp } from '../helpers/testApp';

let testApp: TestApp;
let server: RunningServer;

beforeAll(async () => {
  testApp = await startTestApp();
  server = await startServer({ app: testApp.app, port: 0, rendererDir: RENDERER_DIST });
});
afterAll(async () => {
  await server.close();
  await testApp.close();
});

function post(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
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

  it('refuses unknown channels, non-JSON and cross-origin posts', async () => {
    expect((await post('nope.nothing', {})).status).toBe(404);
    const text = await fetch(`${server.url}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
    expect((await post('app.info', {}, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('streams events to server-sent event clients', async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/api/events`, { signal: controller.signal });
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
