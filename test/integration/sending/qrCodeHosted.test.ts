import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { qrCodeImage } from '../../../electron/services/render/qrCode';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { fakeResolver, linkTracker, setUpShop } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
  t = sink = tracker = undefined;
});

const REVIEW = 'https://www.bakkerij.nl/review';

describe('a QR code in a mail', () => {
  it('is hosted on the tracker like the shop’s images, and the link under it is tracked', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 10 });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    const senderId = await setUpShop(t, { smtpPort: sink.port });
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    await t.call('mailings.update', {
      id: mailing.id,
      patch: {
        from: senderId,
        subject: 'Laat een review achter',
        document: {
          ...mailing.document,
          blocks: [{ id: 'qr', type: 'qrCode', data: { url: REVIEW } }],
        },
      },
    });

    const result = await t.call('send.test', {
      mailingId: mailing.id,
      to: ['eigenaar@bakkerij.nl'],
    });
    expect(result.results).toMatchObject([{ ok: true }]);
    const mail = await simpleParser(sink.received[0]!.raw);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(mail.attachments).toEqual([]);
    const src = new RegExp(
      `<img[^>]+alt="Scan de code met je telefoon"[^>]+src="([^"]+)"|<img[^>]+src="([^"]+)"[^>]+alt="Scan de code met je telefoon"`,
    ).exec(html);
    const url = src?.[1] ?? src?.[2];
    expect(url).toBe(`${tracker.url}/a/${qrCodeImage(REVIEW)!.sha256}`);
    const hosted = await fetch(url!);
    expect(hosted.status).toBe(200);
    expect(Buffer.from(await hosted.arrayBuffer())).toEqual(qrCodeImage(REVIEW)!.bytes);

    const click = new RegExp(`<a href="(${tracker.url}/c/[^"]+)"[^>]*>${REVIEW}</a>`).exec(
      html,
    )?.[1];
    const answer = await fetch(click!, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(REVIEW);
  });
});
