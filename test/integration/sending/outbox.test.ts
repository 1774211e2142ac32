import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { previewResponse } from '../../../electron/server/previewRoute';
import { newBlock } from '../../../electron/services/render/document';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const frameUrl = (file: string) =>
  new URL(`http://127.0.0.1/_preview/outbox/${encodeURIComponent(file)}`);

describe('the outbox viewer', () => {
  it('serves the HTML part of a test mail with its inline image, under the preview CSP', async () => {
    t = await startTestApp();
    const view = await t.call('settings.update', {
      senders: [{ name: 'Bakkerij', email: 'nieuws@bakkerij.nl', replyTo: '' }],
    });
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    const png = await sharp({
      create: { width: 200, height: 100, channels: 3, background: '#123456' },
    })
      .png()
      .toBuffer();
    const photo = await t.call('images.add', {
      mailingId: mailing.id,
      fileName: 'foto.png',
      dataBase64: png.toString('base64'),
    });
    const image = newBlock('image', 'foto');
    await t.call('mailings.update', {
      id: mailing.id,
      patch: {
        subject: 'Verse stol',
        from: view.senders[0]!.id,
        document: {
          ...mailing.document,
          blocks: [{ ...image, data: { ...image.data, imageId: photo.id, alt: 'Stol' } }],
        },
      },
    });
    const sent = await t.call('send.test', { mailingId: mailing.id, to: ['ik@bakkerij.nl'] });
    const file = sent.results[0]!.outboxFile!;
    expect((await t.call('outbox.list', {})).map((e) => e.file)).toEqual([file]);
    const message = await t.call('outbox.open', { file });
    expect(message.html).toContain('alt="Stol"');

    const answer = await previewResponse(t.app, frameUrl(file));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-security-policy']).toContain("script-src 'none'");
    // The cid: image of the mail becomes a data: URL the frame can show.
    expect(answer.body).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(answer.body).not.toContain('cid:');
  });

  it('answers 404 for a file that is not in the outbox or has no HTML part', async () => {
    t = await startTestApp();
    expect((await previewResponse(t.app, frameUrl('nope.eml'))).status).toBe(404);
    expect((await previewResponse(t.app, frameUrl('../winkelpost.sqlite'))).status).toBe(404);
  });
});
