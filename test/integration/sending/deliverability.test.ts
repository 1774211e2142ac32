import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistT } from '../../../electron/contract/checklist';
import { RESOURCES_DIR } from '../../../electron/paths';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { verifyDkim } from '../../helpers/dkimVerify';
import { SPAMASSASSIN_MISSING, spamAssassinBinary, spamScore } from '../../helpers/spamAssassin';
import {
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';
import { fakeResolver, sendAndWait, setUpShop } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

/**
 * The four templates as really sent: copied like a shopkeeper does, sent by the queue through
 * the SMTP pool to a sink, each received message checked as a receiving server would.
 */
const TEMPLATES = [
  'basis-nieuwsbrief',
  'basis-waardebon',
  'voorbeeld-nieuwsbrief',
  'voorbeeld-waardebon',
] as const;
const MAX_MAIL_BYTES = 60 * 1024;

let t: TestApp;
let sink: SmtpSink;
let tracker: RunningTracker;
let dkim: { recordName: string; recordValue: string; selector: string };
const sent = new Map<string, Buffer>();
const checklists = new Map<string, ChecklistT>();

function header(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
}

beforeAll(async () => {
  sink = await startSmtpSink();
  tracker = await startTracker({ credits: 1000 });
  t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
  await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
  const senderId = await setUpShop(t, { smtpPort: sink.port });
  dkim = await t.call('dkim.generate', { domain: 'bakkerij.nl' });
  // As a shop does before its first mailing: its own logo replaces the templates' placeholder.
  await t.call('identity.setLogo', {
    fileName: 'bakkerij.png',
    dataBase64: readFileSync(join(RESOURCES_DIR, 'branding/icons/kassapartner-logo.png')).toString(
      'base64',
    ),
  });
  const templates = (await t.call('mailings.list', { status: 'open' })).filter(
    (m) => m.templateKey,
  );
  for (const [index, key] of TEMPLATES.entries()) {
    const template = templates.find((m) => m.templateKey === key)!;
    const copy = await t.call('mailings.create', { type: template.type, fromId: template.id });
    // The BASIS templates leave subject and top line to the shopkeeper.
    await t.call('mailings.update', {
      id: copy.id,
      patch: {
        from: senderId,
        subject: copy.subject || 'Nieuws van Bakkerij Jansen',
        topLine: copy.topLine || 'Verse stol, alleen deze week',
      },
    });
    const address = `klant-${key}@example.nl`;
    const csv = [
      'email;naam;voornaam;waardebon_bedrag;waardebon_barcode;waardebon_spaarpunten;restant_spaarpunten',
      `${address};Anna de Vries;Anna;10,00;871234567890${index};500;120`,
    ].join('\n');
    const imported = await t.call('selections.import', {
      fileName: `${key}.csv`,
      dataBase64: Buffer.from(csv).toString('base64'),
      description: key,
      consent: true,
    });
    await t.call('mailings.setSelections', { id: copy.id, selectionIds: [imported.selectionId] });
    t.app.context.mailings.markTested(copy.id, t.clock.now() + 1);
    t.clock.advance(1000);
    checklists.set(key, await t.call('checklist.get', { mailingId: copy.id }));
    await sendAndWait(t, copy.id, `deliverability-${key}`);
    const mail = sink.received.find((m) => m.raw.includes(address));
    if (!mail) throw new Error(`no mail for ${key} arrived`);
    sent.set(key, mail.raw);
  }
}, 120_000);

afterAll(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
});

describe.each(TEMPLATES)('%s as really sent', (key) => {
  it('verifies with the published DKIM record; both List-Unsubscribe fields signed and over-signed', async () => {
    const raw = sent.get(key)!;
    const [result] = await verifyDkim(raw, dkim.recordName, dkim.recordValue);
    expect(result?.status.result).toBe('pass');
    const h = /\bh=([^;]+);/.exec(header(raw))![1]!.replace(/\s+/g, '').split(':');
    for (const name of ['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post'])
      expect(h.filter((n) => n === name)).toHaveLength(2);
    expect(header(raw)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
  });

  it(`is at most ${MAX_MAIL_BYTES / 1024} KB, with its images on the tracker and only the barcode inline`, async () => {
    const raw = sent.get(key)!;
    expect(raw.length).toBeLessThanOrEqual(MAX_MAIL_BYTES);
    // The checklist's size is that of the mail as sent (give or take the DKIM signature).
    const size = checklists.get(key)!.items.find((i) => i.id === 'htmlSize')?.params?.messageKb;
    expect(Math.abs(Number(size) - raw.length / 1024)).toBeLessThan(2);
    const mail = await simpleParser(raw);
    const html = typeof mail.html === 'string' ? mail.html : '';
    const sources = [...html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    const hosted = sources.filter((src) => src.startsWith(`${tracker.url}/a/`));
    expect(hosted.length).toBeGreaterThan(0);
    for (const src of sources) {
      const allowed =
        src.startsWith(`${tracker.url}/a/`) ||
        src.startsWith(`${tracker.url}/o/`) ||
        src.startsWith('data:image/png'); // the barcode, turned from cid: into data: by mailparser
      expect(allowed, src).toBe(true);
    }
    const attachments = mail.attachments.map((a) => a.filename);
    expect(attachments).toEqual(key.endsWith('waardebon') ? ['waardebon-barcode.png'] : []);
    const image = await fetch(hosted[0]!);
    expect(image.status).toBe(200);
    expect(image.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('carries the hidden preheader of its own, the colour-scheme hints and styled alt texts', async () => {
    const mail = await simpleParser(sent.get(key)!);
    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toMatch(
      /<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">[^<]+<\/div><div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">(&#847;&zwnj;&nbsp;)+<\/div>/,
    );
    // Nothing of MJML's preview text with its tiny white letters.
    expect(html).not.toMatch(/font-size:1px;color:#ffffff/);
    expect(html).toContain('<meta name="color-scheme" content="light only">');
    // The barcode shrinks with a narrow screen instead of running out of it, on white.
    if (key.endsWith('waardebon'))
      expect(html).toMatch(
        /<img src="data:image\/png[^>]*style="[^"]*width:100%;max-width:\d+px;height:auto;background-color:#ffffff;/,
      );
    const images = [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    const withAlt = images.filter((img) => /\salt="[^"]+"/.test(img));
    expect(withAlt.length).toBeGreaterThan(0);
    for (const img of withAlt) expect(img).toMatch(/\sstyle="[^"]*font-family:[^"]*color:#/);
  });

  it.skipIf(!spamAssassinBinary)(
    spamAssassinBinary
      ? 'scores at most 0.5 with SpamAssassin (local rules)'
      : `SpamAssassin score skipped: ${SPAMASSASSIN_MISSING}`,
    async () => {
      const { score, rules } = await spamScore(sent.get(key)!);
      expect(score, rules).toBeLessThanOrEqual(0.5);
    },
    60_000,
  );
});
