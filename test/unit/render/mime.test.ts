import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { verifyToken } from '../../../tracker/tokens';
import {
  BARCODE_CID,
  compileMailing,
  composeMessage,
  mailDate,
  renderForRecipient,
  type CompiledMailing,
} from '../../../electron/services/render';
import { loadTemplate } from './renderHelpers';

const KEY = Buffer.alloc(32, 9);
const tracking = { baseUrl: 'https://t.winkelpost.nl', account: 'acc-1', kid: 'k1', key: KEY };
const lookup = (account: string, kid: string) =>
  account === 'acc-1' && kid === 'k1' ? KEY : undefined;
const contact = {
  email: 'els@example.nl',
  recipientId: 'rcp-77',
  data: {
    voornaam: 'Els',
    naam: 'Els de Vries',
    waardebon_bedrag: '25',
    waardebon_spaarpunten: '250',
    restant_spaarpunten: '5',
    waardebon_barcode: '8712345678906',
  },
};

function headerLine(parsed: ParsedMail, key: string): string | undefined {
  return parsed.headerLines.find((h) => h.key === key)?.line;
}

async function compiledTemplate(key: string, withTracking: boolean): Promise<CompiledMailing> {
  const { input } = await loadTemplate(key);
  return compileMailing({ ...input, tracking: withTracking ? tracking : null });
}

describe('MIME message per recipient', () => {
  it('parses back with simpleParser: headers, both parts, inline images', async () => {
    const compiled = await compiledTemplate('voorbeeld-waardebon', true);
    const mail = renderForRecipient(compiled, contact);
    const raw = composeMessage(compiled, mail, {
      to: contact.email,
      messageId: 'abc123@jouwmodezaak.nl',
      date: new Date(Date.UTC(2026, 10, 2, 9, 30)),
    });
    const parsed = await simpleParser(raw);
    expect((parsed.from as AddressObject).value[0]).toEqual({
      address: 'info@jouwmodezaak.nl',
      name: 'Jouw Modezaak',
    });
    expect((parsed.to as AddressObject).value[0]?.address).toBe('els@example.nl');
    expect((parsed.replyTo as AddressObject).value[0]?.address).toBe('winkel@jouwmodezaak.nl');
    expect(parsed.subject).toBe('Jouw persoonlijke waardebon van Jouw Modezaak');
    expect(parsed.messageId).toBe('<abc123@jouwmodezaak.nl>');
    expect(parsed.date?.toISOString()).toBe('2026-11-02T09:30:00.000Z');
    expect(headerLine(parsed, 'list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    const list = parsed.headers.get('list') as unknown as {
      unsubscribe: { url: string; mail: string }[] | { url: string; mail: string };
    };
    const unsubscribe = ([] as { url?: string; mail?: string }[]).concat(list.unsubscribe);
    expect(unsubscribe.some((u) => u.url?.startsWith('https://t.winkelpost.nl/u/'))).toBe(true);
    expect(unsubscribe.some((u) => u.mail?.startsWith('info@jouwmodezaak.nl'))).toBe(true);

    expect(parsed.text).toContain('Gefeliciteerd, Els!');
    expect(parsed.text).toContain('Bedrag: € 25,00');
    expect(parsed.html).toContain('Gefeliciteerd, Els!');

    const byCid = new Map(parsed.attachments.map((a) => [a.cid, a]));
    expect(byCid.size).toBe(compiled.inlineImages.length + 1);
    for (const image of compiled.inlineImages) {
      const attachment = byCid.get(image.cid);
      expect(attachment?.content.equals(image.image.bytes)).toBe(true);
      expect(mail.html).toContain(`cid:${image.cid}`);
    }
    const barcode = byCid.get(BARCODE_CID);
    expect(barcode?.contentType).toBe('image/png');
    expect((await sharp(barcode!.content).metadata()).width).toBe(mail.barcode!.width);
  });

  it('encodes a non-ASCII subject and sender name and keeps a plain alternative without images', async () => {
    const { input } = await loadTemplate('basis-nieuwsbrief');
    const compiled = await compileMailing({
      ...input,
      images: [],
      document: {
        ...input.document,
        blocks: input.document.blocks.filter((b) => b.type !== 'logo'),
      },
      subject: 'Café-nieuws voor [[voornaam]] – €5 korting',
      sender: { name: 'Modezaak "Één"', email: 'info@jouwmodezaak.nl' },
    });
    const mail = renderForRecipient(compiled, contact);
    const raw = composeMessage(compiled, mail, {
      to: contact.email,
      messageId: '<x@y>',
      date: new Date(0),
    });
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Café-nieuws voor Els – €5 korting');
    expect((parsed.from as AddressObject).value[0]?.name).toBe('Modezaak "Één"');
    expect(parsed.attachments).toEqual([]);
    expect(headerLine(parsed, 'list-unsubscribe-post')).toBeUndefined();
  });
});

describe('header safety', () => {
  it('folds a long non-ASCII subject and keeps line breaks out of every header', async () => {
    const { input } = await loadTemplate('basis-nieuwsbrief');
    const subject = `Één keer per jaar: ${'wintersale met échte kortingen '.repeat(5)}voor [[voornaam]]`;
    const compiled = await compileMailing({ ...input, subject });
    const mail = renderForRecipient(compiled, {
      ...contact,
      data: { voornaam: 'Els\r\nBcc: x@evil.nl' },
    });
    const raw = composeMessage(compiled, mail, {
      to: 'els@example.nl\r\nBcc: y@evil.nl',
      messageId: 'id@x\nX-Evil: 1',
      date: new Date(0),
    });
    const head = raw.toString('latin1').split('\r\n\r\n')[0]!;
    expect(head).not.toMatch(/^(Bcc|X-Evil):/im);
    expect(head.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(subject.replace('[[voornaam]]', 'Els Bcc: x@evil.nl'));
    expect(parsed.bcc).toBeUndefined();
  });
});

describe('hosted images', () => {
  it('uses the tracker URL of an image when there is one, and attaches only the others', async () => {
    const { input } = await loadTemplate('voorbeeld-nieuwsbrief');
    const hero = input.images.find((i) => i.fileName === 'herfstcollectie.jpg')!;
    const compiled = await compileMailing({
      ...input,
      hostedImageUrl: (image) =>
        image.sha256 === hero.sha256 ? `https://t.winkelpost.nl/i/${image.sha256}.jpg` : undefined,
    });
    const mail = renderForRecipient(compiled, contact);
    expect(mail.html).toContain(`src="https://t.winkelpost.nl/i/${hero.sha256}.jpg"`);
    const parsed = await simpleParser(
      composeMessage(compiled, mail, { to: contact.email, messageId: '<h@y>', date: new Date(0) }),
    );
    expect(parsed.attachments.length).toBe(input.images.length - 1);
    expect(parsed.attachments.some((a) => a.content.equals(hero.bytes))).toBe(false);
  });
});

describe('tracking', () => {
  it('signs click, open, web and unsubscribe tokens that verify; a flipped byte fails', async () => {
    const compiled = await compiledTemplate('voorbeeld-nieuwsbrief', true);
    expect(compiled.links.length).toBeGreaterThan(3);
    expect(compiled.links.map((l) => l.id)).toEqual(compiled.links.map((_, i) => i + 1));
    const mail = renderForRecipient(compiled, contact);
    const clicks = [...mail.html.matchAll(/href="https:\/\/t\.winkelpost\.nl\/c\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(clicks.length).toBeGreaterThan(3);
    const linkIds = new Set<number>();
    for (const token of clicks) {
      const payload = verifyToken(token, 'click', lookup);
      expect(payload).toMatchObject({
        mailing: compiled.mailingId,
        recipient: 'rcp-77',
        kind: 'click',
      });
      expect(compiled.links.some((l) => l.id === payload!.link)).toBe(true);
      linkIds.add(payload!.link!);
    }
    expect(linkIds.size).toBe(compiled.links.length);
    expect(mail.html).not.toContain('href="https://www.jouwmodezaak.nl');

    const open = /src="https:\/\/t\.winkelpost\.nl\/o\/([^"]+)\.gif"/.exec(mail.html)?.[1];
    expect(verifyToken(open!, 'open', lookup)).toMatchObject({ recipient: 'rcp-77' });
    const web = /href="https:\/\/t\.winkelpost\.nl\/w\/([^"]+)"[^>]*>Online versie</.exec(
      mail.html,
    )?.[1];
    expect(verifyToken(web!, 'web', lookup)).not.toBeNull();
    const unsubscribe = mail.unsubscribeHttps!.split('/u/')[1]!;
    expect(verifyToken(unsubscribe, 'unsubscribe', lookup)).not.toBeNull();
    expect(mail.html).toContain(mail.unsubscribeHttps!);

    const token = clicks[0]!;
    const i = Math.floor(token.length / 3);
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(verifyToken(flipped, 'click', lookup)).toBeNull();
  });

  it('without a tracker: links as written, no pixel, no web version, unsubscribe by mailto to the sender', async () => {
    const compiled = await compiledTemplate('voorbeeld-nieuwsbrief', false);
    const mail = renderForRecipient(compiled, contact);
    expect(mail.html).toContain('href="https://www.jouwmodezaak.nl/collectie"');
    expect(mail.html).not.toContain('/o/');
    expect(mail.html).not.toContain('Online versie');
    expect(mail.unsubscribeHttps).toBeNull();
    expect(mail.html).toContain('href="mailto:info@jouwmodezaak.nl?subject=Afmelden"');
    expect(mail.text).toContain('Afmelden: mailto:info@jouwmodezaak.nl?subject=Afmelden');
  });

  it('a preview shows the same mail, with data: images and without counting opens or clicks', async () => {
    const compiled = await compiledTemplate('voorbeeld-waardebon', true);
    const preview = renderForRecipient(compiled, contact, { mode: 'preview' });
    expect(preview.html).not.toContain('cid:');
    expect(preview.html).toContain('src="data:image/png;base64,');
    expect(preview.html).not.toContain('/o/');
    expect(preview.html).not.toContain('/c/');
    expect(preview.html).toContain('Online versie');
  });
});

describe('Date header', () => {
  it('follows the clock to the second, also when reused within a second', () => {
    const at = Date.UTC(2026, 10, 21, 20, 32, 36);
    expect(mailDate(new Date(at))).toBe('Sat, 21 Nov 2026 20:32:36 +0000');
    expect(mailDate(new Date(at + 999))).toBe('Sat, 21 Nov 2026 20:32:36 +0000');
    expect(mailDate(new Date(at + 1000))).toBe('Sat, 21 Nov 2026 20:32:37 +0000');
    expect(mailDate(new Date(at - 1))).toBe('Sat, 21 Nov 2026 20:32:35 +0000');
  });
});
