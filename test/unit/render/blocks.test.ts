import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, richTextOf } from '../../../electron/contract/mailingDocument';
import { buildMjml, parseDocument, renderForRecipient } from '../../../electron/services/render';
import { compileBlocks, loadTemplate, SHOP, testImage } from './renderHelpers';

const TEMPLATE_KEYS = [
  'basis-nieuwsbrief',
  'basis-waardebon',
  'voorbeeld-nieuwsbrief',
  'voorbeeld-waardebon',
];

/** Each block type with data that exercises its options (images, links, variables). */
const SAMPLE_DATA: Record<(typeof BLOCK_TYPES)[number], Record<string, unknown>> = {
  logo: { imageId: 'img', alt: 'Logo', href: 'https://www.jouwmodezaak.nl' },
  heading: { text: 'Hallo [[voornaam|klant]]', level: 'h2', align: 'center', color: '#112233' },
  text: { content: richTextOf('Eerste alinea', 'Tweede alinea met [[naam]]') },
  image: { imageId: 'img', alt: 'Foto', href: 'https://www.jouwmodezaak.nl/a', fullBleed: true },
  imageText: {
    imageId: 'img',
    alt: 'Foto',
    imagePosition: 'right',
    content: richTextOf('Naast de foto'),
  },
  twoColumns: {
    left: { imageId: 'img', alt: 'Links', content: richTextOf('Links') },
    right: { content: richTextOf('Rechts'), href: 'mailto:info@jouwmodezaak.nl' },
  },
  button: { label: 'Bekijk', url: 'https://www.jouwmodezaak.nl/b', align: 'left' },
  divider: { color: '#cccccc', thickness: 2, widthPercent: 50 },
  spacer: { height: 40 },
  voucher: { showRemainingPoints: true },
  social: { items: [{ network: 'instagram', url: 'https://instagram.com/x' }] },
  footer: { reason: 'Omdat je klant bent.' },
  product: {
    products: [
      {
        imageId: 'img',
        alt: 'Trui',
        name: 'Trui',
        price: 39.95,
        oldPrice: 49.95,
        url: 'https://www.jouwmodezaak.nl/trui',
      },
      { name: 'Sjaal [[voornaam|klant]]', price: 12.5, text: 'Warm', url: '' },
    ],
  },
  qrCode: { url: 'https://www.jouwmodezaak.nl/review' },
};

describe('block registry', () => {
  it.each(BLOCK_TYPES)('%s renders without MJML errors at strict validation', async (type) => {
    const image = await testImage('img');
    const input = {
      mailingId: 'm',
      subject: 'Onderwerp',
      topLine: 'Top line',
      document: parseDocument({
        version: 1,
        blocks: [{ id: 'b1', type, data: SAMPLE_DATA[type] }],
      }),
      sender: { name: 'Winkel', email: 'info@winkel.nl' },
      replyTo: '',
      shop: SHOP,
      images: [image],
      tracking: null,
    };
    const { source } = buildMjml(input);
    const result = await mjml2html(source, { validationLevel: 'strict' });
    expect(result.errors).toEqual([]);
    const compiled = await compileBlocks([{ id: 'b1', type, data: SAMPLE_DATA[type] }], {
      images: [image],
    });
    const mail = renderForRecipient(compiled, {
      email: 'jan@example.nl',
      recipientId: 'r1',
      data: {
        naam: 'Jan Jansen',
        voornaam: 'Jan',
        waardebon_bedrag: '5',
        waardebon_spaarpunten: '50',
        restant_spaarpunten: '3',
        waardebon_barcode: 'ABC-123',
      },
    });
    expect(mail.html).toMatch(/^<!doctype html>/i);
    expect(mail.html).not.toMatch(/[\uE000\uE001]/);
  });

  it('a block with every default renders too', async () => {
    for (const type of BLOCK_TYPES) {
      const compiled = await compileBlocks([{ id: 'b', type }]);
      expect(compiled.html.literals.join('')).toContain('<!doctype html>');
    }
  });

  it('adds a generic footer when the document has none, and says so', async () => {
    const without = await compileBlocks([{ id: 'h', type: 'heading' }]);
    expect(without.footerAdded).toBe(true);
    expect(without.warnings.map((w) => w.code)).toContain('footerAdded');
    const mail = renderForRecipient(without, { email: 'a@b.nl', recipientId: 'r', data: {} });
    expect(mail.html).toContain('Afmelden');
    expect(mail.html).toContain('Kerkstraat 1');
    const withFooter = await compileBlocks([{ id: 'f', type: 'footer' }]);
    expect(withFooter.footerAdded).toBe(false);
    expect(withFooter.warnings.map((w) => w.code)).not.toContain('footerAdded');
  });

  it('an image-and-text block without its image gives the text the whole width', async () => {
    const compiled = await compileBlocks([
      {
        id: 'it',
        type: 'imageText',
        data: { imageId: 'gone', content: richTextOf('Alleen tekst') },
      },
    ]);
    expect(compiled.warnings).toContainEqual(
      expect.objectContaining({ code: 'imageMissing', blockId: 'it' }),
    );
    const mail = renderForRecipient(compiled, { email: 'a@b.nl', recipientId: 'r', data: {} });
    expect(mail.html).toContain('Alleen tekst');
    expect(mail.html).toMatch(/mj-column-per-100/);
    expect(mail.html).not.toMatch(/mj-column-per-50/);
  });

  it('warns about an image without alt text and a missing image', async () => {
    const image = await testImage('img');
    const compiled = await compileBlocks(
      [
        { id: 'a', type: 'image', data: { imageId: 'img', alt: '' } },
        { id: 'b', type: 'image', data: { imageId: 'gone', alt: 'x' } },
      ],
      { images: [image] },
    );
    expect(compiled.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'imageWithoutAlt', blockId: 'a' }),
        expect.objectContaining({ code: 'imageMissing', blockId: 'b' }),
      ]),
    );
  });
});

describe('templates', () => {
  it.each(TEMPLATE_KEYS)('%s compiles and renders with its images', async (key) => {
    const { input } = await loadTemplate(key);
    const compiled = await compileBlocks([], input);
    expect(compiled.warnings).toEqual([]);
    expect(compiled.inlineImages.length).toBe(new Set(input.images.map((i) => i.sha256)).size);
    const mail = renderForRecipient(compiled, {
      email: 'jan@example.nl',
      recipientId: 'r1',
      data: {
        voornaam: 'Jan',
        waardebon_bedrag: '12.5',
        waardebon_spaarpunten: '125',
        restant_spaarpunten: '20',
        waardebon_barcode: '8712345678906',
      },
    });
    expect(mail.warnings).toEqual([]);
    expect(mail.html).toContain('Afmelden');
    for (const image of compiled.inlineImages) expect(mail.html).toContain(`cid:${image.cid}`);
    if (key.includes('waardebon')) {
      expect(mail.html).toContain('12,50');
      expect(mail.barcode?.symbology).toBe('ean13');
    }
    expect(Buffer.byteLength(mail.html)).toBeLessThan(102 * 1024);
  });
});
