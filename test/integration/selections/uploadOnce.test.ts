import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../electron/contract/selections';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { RENDERER_DIST } from '../../../electron/paths';
import { receiveUpload } from '../../../electron/services/selections/uploads';
import { ManualClock } from '../../../electron/services/core/clock';
import { bearer } from '../../helpers/browserSession';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await t?.close();
  server = undefined;
  t = undefined;
});

const CSV = 'E-mailadres;Voornaam\r\nanna@example.nl;Anna\r\nbob@example.nl;Bob\r\n';

async function browserMode(): Promise<{ t: TestApp; server: RunningServer }> {
  t = await startTestApp();
  server = await startServer({ app: t.app, port: 0, rendererDir: RENDERER_DIST });
  return { t, server };
}

function upload(s: RunningServer, body: Blob | string, headers: Record<string, string> = {}) {
  return fetch(`${s.url}/api/upload`, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...bearer(s), ...headers },
    body,
  });
}

const uploadsIn = (dataDir: string) =>
  existsSync(join(dataDir, 'uploads')) ? readdirSync(join(dataDir, 'uploads')) : [];

describe('upload once: the file travels once, analyze and import name it', () => {
  it('browser mode: PUT stores a private file, analyze and import read it, the import removes it', async () => {
    const { t, server } = await browserMode();
    const response = await upload(server, CSV);
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: { uploadId: string } };
    const path = join(t.app.context.dataDir, 'uploads', value.uploadId);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const analysis = await t.call('selections.analyze', {
      fileName: 'kassa.csv',
      uploadId: value.uploadId,
    });
    expect(analysis).toMatchObject({ rows: 2, imported: 2, blocking: [] });
    const result = await t.call('selections.import', {
      fileName: 'kassa.csv',
      uploadId: value.uploadId,
      description: 'Kassa',
      consent: true,
    });
    expect(result).toMatchObject({ rows: 2, imported: 2 });
    expect(uploadsIn(t.app.context.dataDir)).toEqual([]);
    const contacts = t.app.context.database.sqlite
      .prepare('select email, data from contacts order by row_number')
      .all();
    expect(contacts).toEqual([
      { email: 'anna@example.nl', data: '{"voornaam":"Anna"}' },
      { email: 'bob@example.nl', data: '{"voornaam":"Bob"}' },
    ]);
  });

  it('browser mode: needs the token, refuses another origin and a file over the limit, keeps nothing of them', async () => {
    const { t, server } = await browserMode();
    const anonymous = await fetch(`${server.url}/api/upload`, { method: 'PUT', body: CSV });
    expect(anonymous.status).toBe(401);
    const foreign = await upload(server, CSV, { origin: 'http://example.com' });
    expect(foreign.status).toBe(403);
    const huge = await upload(server, new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61)]));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { key: string } }).error.key).toBe(
      'selections:errors.tooLarge',
    );
    expect(uploadsIn(t.app.context.dataDir)).toEqual([]);
  });

  it('stops reading a body without a length as soon as it passes the limit', async () => {
    t = await startTestApp();
    let sent = 0;
    const body = Readable.from(
      (function* () {
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        for (;;) {
          sent += chunk.length;
          yield chunk;
        }
      })(),
    );
    await expect(receiveUpload(t.app.context.dataDir, body)).rejects.toMatchObject({
      key: 'selections:errors.tooLarge',
    });
    expect(sent).toBeLessThan(MAX_IMPORT_BYTES + 4 * 1024 * 1024);
    expect(uploadsIn(t.app.context.dataDir)).toEqual([]);
  });

  it('browser mode: a cancelled import removes its upload; an unknown or malformed id is refused', async () => {
    const { t, server } = await browserMode();
    const { value } = (await (await upload(server, CSV)).json()) as {
      value: { uploadId: string };
    };
    await t.call('selections.discardUpload', { uploadId: value.uploadId });
    expect(uploadsIn(t.app.context.dataDir)).toEqual([]);
    await expect(
      t.call('selections.analyze', { fileName: 'kassa.csv', uploadId: value.uploadId }),
    ).rejects.toMatchObject({ error: { key: 'selections:errors.uploadMissing' } });
    await expect(
      t.call('selections.analyze', { fileName: 'kassa.csv', uploadId: '../winkelpost.sqlite' }),
    ).rejects.toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('removes uploads left by an earlier run at start', async () => {
    const dir = tempDir();
    try {
      const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
      await (await openTestApp(dir.path, clock)).close();
      mkdirSync(join(dir.path, 'uploads'));
      writeFileSync(join(dir.path, 'uploads', '3f1c2a4e-0000-4000-8000-000000000000'), CSV);
      t = await openTestApp(dir.path, clock);
      expect(uploadsIn(dir.path)).toEqual([]);
      await t.close();
      t = undefined;
    } finally {
      dir.remove();
    }
  });

  it('Electron: analyze and import take the file path and the worker reads the file', async () => {
    t = await startTestApp();
    const elsewhere = tempDir();
    const path = join(elsewhere.path, 'gekozen-bestand.csv');
    writeFileSync(path, CSV);
    const analysis = await t.call('selections.analyze', { fileName: 'kassa.csv', filePath: path });
    expect(analysis).toMatchObject({ rows: 2, imported: 2 });
    const result = await t.call('selections.import', {
      fileName: 'kassa.csv',
      filePath: path,
      description: 'Kassa',
      consent: true,
    });
    expect(result).toMatchObject({ rows: 2, imported: 2 });
    // The shop's own file stays where it is.
    expect(existsSync(path)).toBe(true);
    elsewhere.remove();
  });

  it('names the file exactly once', async () => {
    t = await startTestApp();
    await expect(t.call('selections.analyze', { fileName: 'kassa.csv' })).rejects.toMatchObject({
      error: { code: 'invalid_input' },
    });
    await expect(
      t.call('selections.analyze', {
        fileName: 'kassa.csv',
        filePath: '/tmp/x.csv',
        dataBase64: Buffer.from(CSV).toString('base64'),
      }),
    ).rejects.toMatchObject({ error: { code: 'invalid_input' } });
  });
});
