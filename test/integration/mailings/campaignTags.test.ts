import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { newBlock } from '../../../electron/services/render';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, linkTracker, setUpShop } from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
  t = sink = tracker = undefined;
});

function button(url: string) {
  const block = newBlock('button');
  return { ...block, data: { ...block.data, url } };
}

/** A mailing with a button to the shop (www twin, own query and fragment) and one to another site. */
async function mailingWithLinks(app: TestApp, senderId: string) {
  const mailing = await app.call('mailings.create', { type: 'newsletter' });
  const blocks = [
    ...mailing.document.blocks.filter((b) => b.type !== 'footer'),
    button('https://www.bakkerij.nl/stol?maat=groot#prijs'),
    button('https://recepten.example.org/stol'),
  ];
  await app.call('mailings.update', {
    id: mailing.id,
    patch: {
      subject: 'Kerststol & oliebollen',
      from: senderId,
      document: { ...mailing.document, blocks },
    },
  });
  return { id: mailing.id, ownAt: blocks.length - 1, createdAt: mailing.createdAt };
}

describe('campaign tags', () => {
  it('start on for mailings made after the shop switched them on in the account', async () => {
    t = await startTestApp();
    const before = await t.call('mailings.create', { type: 'newsletter' });
    await t.call('settings.update', { campaignTags: { onByDefault: true, extraDomains: [] } });
    const after = await t.call('mailings.create', { type: 'newsletter' });
    const copy = await t.call('mailings.create', { type: 'newsletter', fromId: before.id });
    expect(before.campaignTags).toBe(false);
    expect(after.campaignTags).toBe(true);
    expect(copy.campaignTags).toBe(true);
    const switchedOff = await t.call('mailings.update', {
      id: after.id,
      patch: { campaignTags: false },
    });
    expect(switchedOff.campaignTags).toBe(false);
    await expect(
      t.call('settings.update', {
        campaignTags: { onByDefault: true, extraDomains: ['https://bakkerij.nl/'] },
      }),
    ).rejects.toMatchObject({ error: { issues: [{ key: 'settings:errors.domain' }] } });
  });

  it('tag only the shop own links, in the preview list and in the tracker link table', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 10 });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    const senderId = await setUpShop(t, { smtpPort: sink.port });
    await t.call('settings.update', { campaignTags: { onByDefault: true, extraDomains: [] } });
    const mailing = await mailingWithLinks(t, senderId);
    const day = new Date(mailing.createdAt).toISOString().slice(0, 10);
    const tagged =
      'https://www.bakkerij.nl/stol?maat=groot&utm_source=winkelpost&utm_medium=email' +
      `&utm_campaign=kerststol-en-oliebollen-${day}&utm_content=button-${mailing.ownAt}#prijs`;

    const preview = await t.call('mailings.preview', { id: mailing.id });
    expect(preview.links.map((l) => l.url)).toEqual([tagged, 'https://recepten.example.org/stol']);

    const result = await t.call('send.test', {
      mailingId: mailing.id,
      to: ['eigenaar@bakkerij.nl'],
    });
    expect(result.results).toMatchObject([{ ok: true }]);
    const mail = await simpleParser(sink.received[0]!.raw);
    const html = typeof mail.html === 'string' ? mail.html : '';
    const clicks = [...html.matchAll(new RegExp(`href="(${tracker.url}/c/[^"]+)"`, 'g'))].map(
      (m) => m[1]!,
    );
    const targets = await Promise.all(
      clicks.map(async (click) =>
        (await fetch(click, { redirect: 'manual' })).headers.get('location'),
      ),
    );
    expect(new Set(targets)).toEqual(new Set(preview.links.map((l) => l.url)));

    // Switched off: the same links as written, in the preview and in what the tracker stores.
    await t.call('mailings.update', { id: mailing.id, patch: { campaignTags: false } });
    const untagged = await t.call('mailings.preview', { id: mailing.id });
    expect(untagged.links.map((l) => l.url)).toEqual([
      'https://www.bakkerij.nl/stol?maat=groot#prijs',
      'https://recepten.example.org/stol',
    ]);
  });
});
