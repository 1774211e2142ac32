import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_TYPES, richTextOf } from '../../../electron/contract/mailingDocument';
import {
  composeForRecipient,
  composeMessage,
  renderForRecipient,
  type CompiledMailing,
  type Recipient,
} from '../../../electron/services/render';
import { signToken, verifyToken } from '../../../tracker/tokens';
import { BLOCK_SAMPLES, compileBlocks, testImage } from './renderHelpers';

const KEY = Buffer.alloc(32, 5);
const tracking = { baseUrl: 'https://t.winkelpost.nl', account: 'acc-1', kid: 'k1', key: KEY };

/** Every block type, with variables in the subject, a heading, a text and a link. */
async function mailingWithEverything(withTracking: boolean): Promise<CompiledMailing> {
  const shown = await testImage('img');
  const hosted = await testImage('hosted', 300, 100);
  const blocks = [
    ...BLOCK_TYPES.map((type) => ({ id: `b-${type}`, type, data: BLOCK_SAMPLES[type] })),
    { id: 'h2', type: 'heading', data: { text: 'Voor [[voornaam|jou]] uit [[stad]]' } },
    {
      id: 't2',
      type: 'text',
      data: { content: richTextOf(`Lange regel zonder spaties ${'x'.repeat(300)} [[naam]] einde`) },
    },
    { id: 'i2', type: 'image', data: { imageId: 'hosted', alt: 'Gehost' } },
    {
      id: 'b2',
      type: 'button',
      data: { label: 'Jouw pagina', url: 'https://www.jouwmodezaak.nl/klant/[[referentienummer]]' },
    },
  ];
  return compileBlocks(blocks, {
    subject: 'Café-nieuws voor [[voornaam|klant]] – €5 korting',
    images: [shown, hosted],
    extraVariables: ['stad'],
    tracking: withTracking ? tracking : null,
    hostedImageUrl: (image) =>
      image.id === 'hosted' ? `https://t.winkelpost.nl/a/${image.sha256}` : undefined,
    campaignTags: {
      source: 'winkelpost',
      campaign: 'cafe-nieuws',
      ownDomains: ['www.jouwmodezaak.nl', 'jouwmodezaak.nl'],
    },
  });
}

const RECIPIENTS: Recipient[] = [
  {
    email: 'els@example.nl',
    recipientId: 'rcp-1',
    data: {
      voornaam: 'Els',
      naam: 'Els de Vries',
      stad: 'Utrecht',
      referentienummer: '100042',
      waardebon_bedrag: '25',
      waardebon_spaarpunten: '250',
      restant_spaarpunten: '5',
      waardebon_barcode: '8712345678906',
    },
  },
  // Empty values (fallbacks), escaping, non-ASCII and a value long enough to wrap its line.
  {
    email: 'jörg@voorbeeld.nl',
    recipientId: 'rcp-2',
    unsubscribeAddress: 'bounces+u2-abc@jouwmodezaak.nl',
    data: {
      voornaam: '',
      naam: `"Jörg" <b>&</b> O'Brien 😀 ${'ü'.repeat(40)}`,
      stad: 's-Hertogenbosch  met   spaties ',
      referentienummer: 'a b/c?d=é',
      waardebon_barcode: 'WB-2',
    },
  },
  // A contact's field with line breaks of its own: the whole-text way, the same bytes.
  {
    email: 'piet@example.nl',
    recipientId: 'rcp-3',
    data: { voornaam: 'Piet\r\nBcc: x@evil.nl', naam: 'Regel 1\nRegel 2\rRegel 3 ', stad: '' },
  },
];

const options = (to: string) => ({
  to,
  messageId: '<vast@jouwmodezaak.nl>',
  date: new Date(Date.UTC(2026, 11, 7, 9)),
});

function body(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text.slice(text.indexOf('\r\n\r\n') + 4);
}

function headersOf(parsed: ParsedMail) {
  return parsed.headerLines.map((h) => h.line);
}

describe('composeForRecipient (the queue) against renderForRecipient + composeMessage', () => {
  beforeEach(() => {
    // Tokens carry the second they were signed in: both ways sign within the same one.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2026, 11, 7, 9, 0, 0)));
  });
  afterEach(() => vi.useRealTimers());

  it.each([true, false])(
    'gives the very same bytes for every block type and personalisation (tracked: %s)',
    async (withTracking) => {
      const compiled = await mailingWithEverything(withTracking);
      for (const recipient of RECIPIENTS) {
        const fast = composeForRecipient(compiled, recipient, options(recipient.email));
        const mail = renderForRecipient(compiled, recipient);
        const straight = composeMessage(compiled, mail, options(recipient.email));
        expect(fast.toString('latin1')).toBe(straight.toString('latin1'));

        // What a receiver decodes: the same headers, the rendered HTML and text themselves.
        const [parsedFast, parsedStraight] = await Promise.all([
          simpleParser(fast, { keepCidLinks: true }),
          simpleParser(straight, { keepCidLinks: true }),
        ]);
        expect(headersOf(parsedFast)).toEqual(headersOf(parsedStraight));
        expect(parsedFast.html).toBe(mail.html.replace(/\r\n?/g, '\n'));
        expect(parsedFast.text).toBe(mail.text.replace(/\r\n?/g, '\n'));
        expect(parsedFast.subject).toBe(mail.subject);
        expect(parsedFast.attachments.map((a) => a.cid)).toEqual(
          parsedStraight.attachments.map((a) => a.cid),
        );
      }
    },
  );

  it('gives each message bytes of its own: the next message does not change the one before', async () => {
    // The queue holds several messages at once (one per connection): none may share bytes.
    const compiled = await mailingWithEverything(true);
    const messages = RECIPIENTS.map((r) => composeForRecipient(compiled, r, options(r.email)));
    const copies = messages.map((m) => Buffer.from(m).toString('latin1'));
    for (const r of [...RECIPIENTS].reverse()) composeForRecipient(compiled, r, options(r.email));
    expect(messages.map((m) => m.toString('latin1'))).toEqual(copies);
    expect(new Set(copies).size).toBe(RECIPIENTS.length);
  });

  it('writes 7-bit lines of at most 76 characters that end in CRLF', async () => {
    const compiled = await mailingWithEverything(true);
    for (const recipient of RECIPIENTS) {
      const raw = composeForRecipient(compiled, recipient, options('els@example.nl'));
      const text = body(raw);
      expect([...raw].every((byte) => byte < 0x80)).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) {
        expect(line.length, line).toBeLessThanOrEqual(76);
        expect(line, 'no blank at the end of a line').not.toMatch(/[ \t]$/);
      }
      expect(text).toContain('Content-Transfer-Encoding: quoted-printable');
    }
  });

  it('signs the same tokens as the tracker’s signToken, and they verify', async () => {
    const compiled = await mailingWithEverything(true);
    const mail = renderForRecipient(compiled, RECIPIENTS[0]!);
    const token = mail.unsubscribeHttps!.split('/u/')[1]!;
    const payload = verifyToken(token, 'unsubscribe', () => KEY);
    expect(payload).toMatchObject({ recipient: 'rcp-1', mailing: compiled.mailingId });
    expect(token).toBe(signToken(payload!, KEY));
    const clicks = new Set([...mail.html.matchAll(/\/c\/([\w.-]+)/g)].map((m) => m[1]!));
    expect(clicks.size).toBe(compiled.links.length);
    for (const click of clicks) {
      const claims = verifyToken(click, 'click', () => KEY);
      expect(click).toBe(signToken(claims!, KEY));
    }
  });
});
