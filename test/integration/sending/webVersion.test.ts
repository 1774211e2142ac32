import { simpleParser } from 'mailparser';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { trackerCredits } from '../../../electron/services/sending/credits';
import {
  MAX_UPLOAD_ATTEMPTS,
  WebVersionPublisher,
  webVersionState,
} from '../../../electron/services/sending/webVersion';
import { TrackerClient } from '../../../tracker/client';
import { newBlock } from '../../../electron/services/render/document';
import { buildTracker, type TrackerServer } from '../../../tracker/server';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import {
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';
import { fakeResolver, prependBlocks, seedMailing, sendAndWait, until } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
let restarted: TrackerServer | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await restarted?.close();
  await tracker?.close();
  t = sink = tracker = restarted = undefined;
});

/** A mailing with a heading that greets by first name (fallback "lezer") and a photo. */
async function seedWithPhoto(app: TestApp, smtpPort: number) {
  const { mailingId } = await seedMailing(app, { smtpPort, count: 2 });
  const png = await sharp({
    create: { width: 300, height: 120, channels: 3, background: '#c0ffee' },
  })
    .png()
    .toBuffer();
  const photo = await app.call('images.add', {
    mailingId,
    fileName: 'etalage.png',
    dataBase64: png.toString('base64'),
  });
  const heading = newBlock('heading', 'hello');
  const image = newBlock('image', 'photo');
  await prependBlocks(app, mailingId, [
    { ...heading, data: { ...heading.data, text: 'Hallo [[voornaam|lezer]]' } },
    { ...image, data: { ...image.data, imageId: photo.id, alt: 'Onze etalage' } },
  ]);
  return mailingId;
}

/** The "Online versie" link of a received mail, and the mail's own HTML. */
async function webVersionLink(raw: Buffer, trackerUrl: string) {
  const mail = await simpleParser(raw);
  const html = typeof mail.html === 'string' ? mail.html : '';
  const link = new RegExp(
    `href="(${trackerUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/w/[^"]+)"`,
  ).exec(html)?.[1];
  if (!link) throw new Error('no web version link in the mail');
  return { link, html };
}

/** The web version page is the mailing, not personal, and every image in it loads. */
async function expectWebVersion(link: string, trackerUrl: string) {
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Hallo lezer');
  expect(html).toContain('Nieuw in de winkel: verse stol');
  expect(html).not.toContain('Hallo Klant');
  expect(html).not.toContain('cid:');
  expect(html).not.toContain(`${trackerUrl}/o/`);
  expect(html).not.toContain(`${trackerUrl}/u/`);
  expect(html).not.toContain('>Online versie<');
  const sources = [...html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  expect(sources.length).toBeGreaterThan(0);
  for (const src of sources) {
    expect(src.startsWith(`${trackerUrl}/a/`)).toBe(true);
    const image = await fetch(src);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(0);
  }
}

describe('the web version ("Online versie") of a sent mailing', () => {
  it('is uploaded when the send starts: the link in a received mail shows the mailing with its images', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const mailingId = await seedWithPhoto(t, sink.port);

    const status = await sendAndWait(t, mailingId, 'web-version-1');
    expect(status?.webVersion).toEqual({ state: 'online', detail: null });
    expect(sink.received).toHaveLength(2);
    const { link, html } = await webVersionLink(sink.received[0]!.raw, tracker.url);
    // The mail itself stays personal; its image comes from the tracker, as in the web version.
    expect(html).toContain('Hallo Klant');
    expect(html).toContain(`src="${tracker.url}/a/`);
    expect(html).not.toContain('src="data:image/png;base64,');
    await expectWebVersion(link, tracker.url);
    expect(await tracker.store.getWebVersion(tracker.accountId, mailingId)).not.toBeNull();
  });

  it('with the tracker gone right after the credits were reserved, the mail still goes and the upload follows the next sync', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    const running = tracker;
    const port = Number(new URL(running.url).port);
    t = await startTestApp({
      trackerUrl: tracker.url,
      sending: {
        resolver: fakeResolver(),
        // The real ledger; the tracker goes down the moment the reservation is confirmed.
        credits: () => {
          const real = trackerCredits(t!.app.context.kv, t!.app.context.cipher);
          if (!real) return null;
          return {
            ...real,
            reserve: async (id, amount) => {
              const reserved = await real.reserve(id, amount);
              await running.server.close();
              return reserved;
            },
          };
        },
      },
    });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const mailingId = await seedWithPhoto(t, sink.port);

    const status = await sendAndWait(t, mailingId, 'web-version-offline');
    // The send's status tells the shopkeeper the link does not work yet, and why.
    expect(status?.webVersion.state).toBe('pending');
    expect(status?.webVersion.detail).not.toBeNull();
    expect(sink.received).toHaveLength(2);
    expect(await running.store.getWebVersion(running.accountId, mailingId)).toBeNull();
    const { link } = await webVersionLink(sink.received[1]!.raw, running.url);

    // The tracker is back (same store, same address): the next sync brings the upload along.
    restarted = buildTracker({
      store: running.store,
      publicUrl: 'http://127.0.0.1',
      scrypt: { N: 1024, r: 8, p: 1 },
      retention: false,
      machineWindowMs: 0,
    });
    await restarted.listen({ host: '127.0.0.1', port });
    const state = await t.call('sync.now', {});
    expect(state.errorKey).toBeNull();
    await until(
      'the web version to be uploaded',
      () => running.store.getWebVersion(running.accountId, mailingId),
      (page) => page !== null,
    );
    await expectWebVersion(link, running.url);
    const after = await t.call('send.status', { sendId: status!.sendId });
    expect(after?.webVersion).toEqual({ state: 'online', detail: null });
  });

  it('stops retrying an upload the tracker keeps refusing, and a new send tries again', async () => {
    t = await startTestApp();
    const { mailingId } = await seedMailing(t, { smtpPort: 9, count: 1 });
    // Nothing listens on the discard port: every upload fails at once.
    const refusing = () => ({
      baseUrl: 'http://127.0.0.1:9',
      client: new TrackerClient({ baseUrl: 'http://127.0.0.1:9', token: 'x', timeoutMs: 2000 }),
    });
    const publisher = new WebVersionPublisher(t.app.context, refusing);
    const attempts = () =>
      t!.app.context.database.sqlite
        .prepare('select attempts from web_versions where mailing_id = ?')
        .pluck()
        .get(mailingId);
    expect(await publisher.publishForSend(mailingId)).toBe(false);
    for (let i = 0; i < MAX_UPLOAD_ATTEMPTS + 3; i += 1) await publisher.retryPending();
    expect(attempts()).toBe(MAX_UPLOAD_ATTEMPTS);
    expect(publisher.isUploaded(mailingId)).toBe(false);
    const sqlite = t.app.context.database.sqlite;
    expect(webVersionState(sqlite, mailingId).state).toBe('refused');
    await publisher.publishForSend(mailingId);
    expect(attempts()).toBe(1);
    expect(webVersionState(sqlite, mailingId).state).toBe('pending');
  });
});
