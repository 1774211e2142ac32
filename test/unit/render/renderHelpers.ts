import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { BLOCK_TYPES } from '../../../electron/contract/mailingDocument';
import { richTextOf } from '../../../electron/contract/mailingDocument';
import { ShopDetails } from '../../../electron/contract/settings';
import { prepareImage } from '../../../electron/services/images/imageFile';
import {
  compileMailing,
  parseDocument,
  type CompileImage,
  type CompileInput,
  type CompiledMailing,
} from '../../../electron/services/render';
import { TemplateFile } from '../../../electron/services/mailings/templates';
import { remapImages } from '../../../electron/services/mailings/documentImages';
import { RESOURCES_DIR } from '../../../electron/paths';

export const SHOP = ShopDetails.parse({
  name: 'Jouw Modezaak',
  address: 'Kerkstraat 1',
  postalCode: '1234 AB',
  city: 'Utrecht',
  phone: '030-1234567',
  website: 'https://www.jouwmodezaak.nl',
});

/** A real PNG of the given size (sharp), as the images table would hold it. */
/** Each block type (image id `img`) with data that exercises its options (images, links, variables). */
export const BLOCK_SAMPLES: Record<(typeof BLOCK_TYPES)[number], Record<string, unknown>> = {
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

export async function testImage(id: string, width = 400, height = 200): Promise<CompileImage> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: '#aa5533' } })
    .png()
    .toBuffer();
  const prepared = await prepareImage(bytes, `${id}.png`);
  return { id, fileName: `${id}.png`, ...prepared };
}

export function compileBlocks(
  blocks: unknown[],
  overrides: Partial<CompileInput> = {},
): Promise<CompiledMailing> {
  return compileMailing({
    mailingId: 'mailing-1',
    subject: 'Nieuws van Jouw Modezaak',
    topLine: 'De herfst is binnen',
    document: parseDocument({ version: 1, blocks }),
    sender: { name: 'Jouw Modezaak', email: 'info@jouwmodezaak.nl' },
    replyTo: '',
    shop: SHOP,
    images: [],
    tracking: null,
    ...overrides,
  });
}

/** A shipped template with its images, as seeding puts it in the database. */
export async function loadTemplate(key: string): Promise<{ input: CompileInput }> {
  const dir = join(RESOURCES_DIR, 'templates');
  const file = TemplateFile.parse(JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')));
  const images: CompileImage[] = [];
  for (const image of file.images) {
    const prepared = await prepareImage(readFileSync(join(dir, image.file)), image.fileName);
    images.push({ id: `img-${image.ref}`, fileName: image.fileName, ...prepared });
  }
  const mapping = new Map(file.images.map((i) => [`ref:${i.ref}`, `img-${i.ref}`]));
  return {
    input: {
      mailingId: `template-${key}`,
      subject: file.copySubject || file.name,
      topLine: file.topLine,
      document: remapImages(parseDocument(file.document), mapping),
      sender: { name: 'Jouw Modezaak', email: 'info@jouwmodezaak.nl' },
      replyTo: 'winkel@jouwmodezaak.nl',
      shop: SHOP,
      images,
      tracking: null,
    },
  };
}
