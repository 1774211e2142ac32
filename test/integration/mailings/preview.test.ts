import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextOf } from '../../../electron/contract/mailingDocument';
import {
  PREVIEW_PREFIX,
  previewResponse,
  previewRoute,
} from '../../../electron/server/previewRoute';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { bearer } from '../../helpers/browserSession';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp;
let server: RunningServer;
let mailingId: string;
let contactId: number;

beforeAll(async () => {
  t = await startTestApp();
  server = await startServer({
    app: t.app,
    port: 0,
    rendererDir: t.dataDir,
    routes: { [PREVIEW_PREFIX]: previewRoute(t.app) },
  });
  const sqlite = t.app.context.database.sqlite;
  sqlite
    .prepare(
      `insert into selections (id, description, file_name, created_at, extra_columns, count, consent_confirmed_at)
       values ('sel-1', 'Klanten', 'klanten.csv', ?, '["maat"]', 1, ?)`,
    )
    .run(t.clock.now(), t.clock.now());
  contactId = Number(
    sqlite
      .prepare(
        `insert into contacts (selection_id, email, normalized_email, data, row_number) values ('sel-1', ?, ?, ?, 1)`,
      )
      .run(
        'els@example.nl',
        'els@example.nl',
        JSON.stringify({
          voornaam: '<script>alert(1)</script>',
          maat: 'M',
          waardebon_bedrag: '7.5',
        }),
      ).lastInsertRowid,
  );
  const template = (await t.call('mailings.list', { status: 'open' })).find(
    (m) => m.templateKey === 'voorbeeld-waardebon',
  )!;
  const copy = await t.call('mailings.create', { type: 'voucher', fromId: template.id });
  mailingId = copy.id;
  const document = {
    ...copy.document,
    blocks: [
      ...copy.document.blocks,
      { id: 'extra', type: 'text', data: { content: richTextOf('Maat [[maat]], [[onbekend]]') } },
    ],
  };
  await t.call('mailings.update', {
    id: mailingId,
    patch: { document, subject: 'Voor [[voornaam|jou]]' },
  });
});

afterAll(async () => {
  await server.close();
  await t.close();
});

describe('mailings.preview', () => {
  it('renders for a real contact: escaped values, extra columns, warnings', async () => {
    const preview = await t.call('mailings.preview', { id: mailingId, contactId });
    expect(preview.subject).toBe('Voor <script>alert(1)</script>');
    expect(preview.html).toContain('Gefeliciteerd, &lt;script&gt;alert(1)&lt;/script&gt;!');
    expect(preview.html).not.toContain('<script>alert(1)');
    expect(preview.html).toContain('Maat M');
    expect(preview.html).toContain('7,50');
    expect(preview.html).toContain('[[onbekend]]');
    expect(preview.html).not.toContain('cid:');
    const codes = preview.warnings.map((w) => `${w.code}:${String(w.params?.name ?? '')}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'unknownVariable:onbekend',
        'emptyValue:waardebon_spaarpunten',
        'noSender:',
      ]),
    );
    expect(codes).not.toContain('unknownVariable:maat');
  });

  it('uses the sample values without a contact, and says so when the contact does not exist', async () => {
    const preview = await t.call('mailings.preview', { id: mailingId });
    expect(preview.html).toContain('Gefeliciteerd, Jan!');
    expect(preview.text).toContain('Bedrag: € 10,50');
    const missing = await t.app.handlers['mailings.preview']({ id: mailingId, contactId: 999 });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('serves the preview page over HTTP under its own CSP, with images off on request', async () => {
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: bearer(server) });
    const response = await get(`/_preview/${mailingId}?contactId=${contactId}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    const html = await response.text();
    expect(html).toContain('Maat M');
    expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);

    const off = await (await get(`/_preview/${mailingId}?images=off`)).text();
    expect(off).not.toMatch(/<img[^>]+src=/);
    expect(off).toContain('alt="Barcode 8712345678906"');

    expect((await get(`/_preview/bestaat-niet`)).status).toBe(404);
    expect((await get(`/_preview/${mailingId}?contactId=abc`)).status).toBe(400);
    // The Electron protocol handler calls previewResponse directly, without the server's check.
    const bad = await previewResponse(t.app, new URL('app://winkelpost/_preview/%ZZ'));
    expect(bad.status).toBe(400);
  });

  it('shows a customer preview only with the browser-mode token', async () => {
    const anonymous = await fetch(`${server.url}/_preview/${mailingId}?contactId=${contactId}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('Maat M');
  });
});
