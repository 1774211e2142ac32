import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderForRecipient, type CompiledMailing } from '../../../electron/services/render';
import { qrCodeImage } from '../../../electron/services/render/qrCode';
import { compileBlocks, testImage } from './renderHelpers';

const LINK = 'https://www.jouwmodezaak.nl/review?bron=mail';

function product(name: string, price: number | null, oldPrice: number | null = null) {
  return {
    imageId: 'img',
    alt: `Foto van ${name}`,
    name,
    price,
    oldPrice,
    text: `Mooie ${name.toLowerCase()}`,
    buttonLabel: 'Bekijk',
    url: `https://www.jouwmodezaak.nl/${name.toLowerCase()}`,
  };
}

function mailOf(compiled: CompiledMailing) {
  return renderForRecipient(compiled, { email: 'jan@example.nl', recipientId: 'r1', data: {} });
}

describe('product block', () => {
  it.each([
    [1, 'mj-column-per-100'],
    [2, 'mj-column-per-50'],
    [3, 'mj-column-per-33-33'],
  ])('puts %i product(s) side by side in MJML columns that stack on phones', async (count, css) => {
    const names = ['Trui', 'Sjaal', 'Muts'].slice(0, count);
    const compiled = await compileBlocks(
      [{ id: 'p', type: 'product', data: { products: names.map((n) => product(n, 19.95)) } }],
      { images: [await testImage('img')] },
    );
    const { html, text } = mailOf(compiled);
    const columns = (mail: string) =>
      mail.match(new RegExp(`class="${css} mj-outlook-group-fix"`, 'g'))?.length ?? 0;
    const without = mailOf(await compileBlocks([])).html;
    expect(columns(html) - columns(without)).toBe(count);
    // Below MJML's breakpoint every column takes the full width: stacked.
    expect(html).toMatch(/@media only screen and \(min-width:480px\)/);
    for (const name of names) {
      expect(html).toContain(`alt="Foto van ${name}"`);
      expect(html).toContain(`href="https://www.jouwmodezaak.nl/${name.toLowerCase()}"`);
      expect(text).toContain(
        `${name}\n€\u00a019,95\nMooie ${name.toLowerCase()}\nBekijk: https://www.jouwmodezaak.nl/${name.toLowerCase()}`,
      );
    }
    expect(compiled.links.map((l) => l.url)).toEqual(
      names.map((n) => `https://www.jouwmodezaak.nl/${n.toLowerCase()}`),
    );
  });

  it('strikes the old price through and writes prices as the mail language does', async () => {
    const blocks = [
      { id: 'p', type: 'product', data: { products: [product('Trui', 10.5, 1234.5)] } },
    ];
    const dutch = mailOf(await compileBlocks(blocks, { images: [await testImage('img')] }));
    expect(dutch.html).toContain('<s>€\u00a01.234,50</s>');
    expect(dutch.html).toContain('<strong>€\u00a010,50</strong>');
    expect(dutch.text).toContain('Van €\u00a01.234,50, €\u00a010,50');
    const english = mailOf(
      await compileBlocks(blocks, { images: [await testImage('img')], language: 'en' }),
    );
    expect(english.html).toContain('<s>€1,234.50</s>');
    expect(english.html).toContain('<strong>€10.50</strong>');
    expect(english.text).toContain('Was €1,234.50, €10.50');
  });

  it('leaves out what is empty: no price, no button without a link', async () => {
    const bare = { ...product('Trui', null), url: '', text: '' };
    const { html, text } = mailOf(
      await compileBlocks([{ id: 'p', type: 'product', data: { products: [bare] } }], {
        images: [await testImage('img')],
      }),
    );
    expect(html).not.toContain('€');
    expect(html).not.toContain('Bekijk');
    expect(text).toContain('Trui');
    expect(text).not.toContain('€');
  });
});

describe('QR code block', () => {
  it('draws the modules of the link that the qrcode library encodes', async () => {
    const image = qrCodeImage(LINK)!;
    const code = QRCode.create(LINK, { errorCorrectionLevel: 'M' });
    expect(code.segments.map((s) => Buffer.from(s.data as Uint8Array).toString()).join('')).toBe(
      LINK,
    );
    // Read back with an independent PNG decoder (sharp): each module's centre pixel.
    const { data, info } = await sharp(image.bytes)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const size = code.modules.size;
    const scale = info.width / (size + 8);
    expect(Number.isInteger(scale)).toBe(true);
    expect(info.width).toBe(image.width);
    let differences = 0;
    for (let row = -4; row < size + 4; row += 1) {
      for (let col = -4; col < size + 4; col += 1) {
        const x = Math.floor((col + 4 + 0.5) * scale);
        const y = Math.floor((row + 4 + 0.5) * scale);
        const dark = (data[y * info.width + x] as number) < 128;
        const inside = row >= 0 && col >= 0 && row < size && col < size;
        if (dark !== (inside && code.modules.get(row, col) === 1)) differences += 1;
      }
    }
    expect(differences).toBe(0);
  });

  it('shows the code as an image of the mailing, the tracked link under it and in the text', async () => {
    const compiled = await compileBlocks([
      { id: 'q', type: 'qrCode', data: { url: LINK, caption: 'Laat een review achter' } },
    ]);
    const qr = [...compiled.imageSources.values()].find((s) => s.image.fileName === 'qr-code.png');
    expect(qr?.image.sha256).toBe(qrCodeImage(LINK)!.sha256);
    // Hosted like the shop's own images: the same seam decides inline or hosted.
    const hosted = await compileBlocks([{ id: 'q', type: 'qrCode', data: { url: LINK } }], {
      hostedImageUrl: (image) => `https://t.example/a/${image.sha256}`,
    });
    expect(mailOf(hosted).html).toContain(`src="https://t.example/a/${qr!.image.sha256}"`);
    expect(hosted.inlineImages).toEqual([]);

    const tracked = await compileBlocks([{ id: 'q', type: 'qrCode', data: { url: LINK } }], {
      tracking: {
        baseUrl: 'https://t.example',
        account: 'acc',
        kid: 'k1',
        key: Buffer.alloc(32, 7),
      },
    });
    expect(tracked.links.map((l) => l.url)).toEqual([LINK]);
    const mail = mailOf(tracked);
    expect(mail.html).toMatch(
      /href="https:\/\/t\.example\/c\/[^"]+"[^>]*>https:\/\/www\.jouwmodezaak\.nl\/review\?bron=mail<\/a>/,
    );
    expect(mail.text).toMatch(/Scan de code met je telefoon: https:\/\/t\.example\/c\/\S+/);

    const plain = mailOf(compiled);
    expect(plain.html).toContain('Laat een review achter');
    expect(plain.text).toContain(`Laat een review achter: ${LINK}`);
  });

  it.each([
    '',
    'www.jouwmodezaak.nl',
    'https://www.jouwmodezaak.nl/[[voornaam]]',
    'javascript:alert(1)',
  ])('renders nothing (and no broken mail) for the link %j', async (url) => {
    const compiled = await compileBlocks([
      { id: 'q', type: 'qrCode', data: { url } },
      { id: 't', type: 'heading', data: { text: 'Tot ziens' } },
    ]);
    const { html, text } = mailOf(compiled);
    expect(compiled.imageSources.size).toBe(0);
    expect(html).toContain('Tot ziens');
    expect(html).not.toContain('Scan de code');
    expect(text).not.toContain('Scan de code');
  });
});
