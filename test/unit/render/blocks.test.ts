import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, richTextOf } from '../../../electron/contract/mailingDocument';
import { buildMjml, parseDocument, renderForRecipient } from '../../../electron/services/render';
import { BLOCK_SAMPLES, compileBlocks, loadTemplate, SHOP, testImage } from './renderHelpers';

const TEMPLATE_KEYS = [
  'basis-nieuwsbrief',
  'basis-waardebon',
  'voorbeeld-nieuwsbrief',
  'voorbeeld-waardebon',
];

describe('block registry', () => {
  it.each(BLOCK_TYPES)('%s renders without MJML errors at strict validation', async (type) => {
    const image = await testImage('img');
    const input = {
      mailingId: 'm',
      subject: 'Onderwerp',
      topLine: 'Top line',
      document: parseDocument({
        version: 1,
        blocks: [{ id: 'b1', type, data: BLOCK_SAMPLES[type] }],
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
    const compiled = await compileBlocks([{ id: 'b1', type, data: BLOCK_SAMPLES[type] }], {
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
