import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
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
