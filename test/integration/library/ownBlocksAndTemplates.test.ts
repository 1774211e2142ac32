import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { richTextOf, type BlockT } from '../../../electron/contract/mailingDocument';
import { ManualClock } from '../../../electron/services/core/clock';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import { tempDir } from '../../helpers/tempDir';

const opened: TestApp[] = [];
const dirs: { remove: () => void }[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) dir.remove();
});

async function start(path: string, clock: ManualClock): Promise<TestApp> {
  const app = await openTestApp(path, clock);
  opened.push(app);
  return app;
}

async function png(color: string): Promise<string> {
  const bytes = await sharp({ create: { width: 120, height: 80, channels: 3, background: color } })
    .png()
    .toBuffer();
  return bytes.toString('base64');
}

/** A draft with a product (with its photo), a QR code, a text with a variable and custom colours. */
async function productMailing(t: TestApp) {
  const mailing = await t.call('mailings.create', { type: 'newsletter' });
  const image = await t.call('images.add', {
    mailingId: mailing.id,
    fileName: 'trui.png',
    dataBase64: await png('#336699'),
  });
  const blocks = [
    {
      id: 'product-1',
      type: 'product',
      data: {
        products: [
          { imageId: image.id, alt: 'Blauwe trui', name: 'Trui', price: 39.95, oldPrice: 49.95 },
        ],
      },
      style: { backgroundColor: '#fff8e1', paddingTop: 12, paddingBottom: 0 },
    },
    { id: 'qr-1', type: 'qrCode', data: { url: 'https://www.jouwmodezaak.nl/review' } },
    { id: 'text-1', type: 'text', data: { content: richTextOf('Hallo [[voornaam|klant]]') } },
  ];
  const updated = await t.call('mailings.update', {
    id: mailing.id,
    patch: {
      subject: 'Herfst bij [[voornaam|ons]]',
      document: {
        ...mailing.document,
        settings: {
          ...mailing.document.settings,
          colors: { ...mailing.document.settings.colors, accent: '#aa3300' },
        },
        blocks,
      },
    },
  });
  return { mailing: updated, imageId: image.id };
}

function productOf(blocks: BlockT[]) {
  const block = blocks.find((b) => b.type === 'product');
  if (block?.type !== 'product') throw new Error('no product block');
  return block.data.products[0]!;
}

describe('Mijn blokken and Mijn sjablonen', () => {
  it('survive a restart and copy into a mailing independently, with their images', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const clock = new ManualClock(Date.UTC(2026, 11, 6, 9, 0, 0));
    const first = await start(dir.path, clock);
    const { mailing, imageId } = await productMailing(first);

    const block = await first.call('library.saveBlocks', {
      mailingId: mailing.id,
      blockIds: ['qr-1', 'product-1'],
      name: 'Trui van de week',
    });
    expect(block.blockTypes).toEqual(['product', 'qrCode']); // the mailing's order
    const template = await first.call('library.saveTemplate', {
      mailingId: mailing.id,
      name: 'Herfstmailing',
    });
    // The source changes and loses its image afterwards: the saved items keep theirs.
    await first.call('mailings.delete', { id: mailing.id });
    await first.close();
    opened.splice(0);

    const second = await start(dir.path, clock);
    expect((await second.call('library.list', { kind: 'block' })).map((i) => i.name)).toEqual([
      'Trui van de week',
    ]);
    expect((await second.call('library.list', { kind: 'template' })).map((i) => i.name)).toEqual([
      'Herfstmailing',
    ]);

    const target = await second.call('mailings.create', { type: 'newsletter' });
    const { blocks } = await second.call('library.insertBlocks', {
      id: block.id,
      mailingId: target.id,
    });
    expect(blocks.map((b) => b.type)).toEqual(['product', 'qrCode']);
    expect(blocks.map((b) => b.id)).not.toContain('product-1');
    const product = productOf(blocks);
    expect(product).toMatchObject({
      name: 'Trui',
      price: 39.95,
      oldPrice: 49.95,
      alt: 'Blauwe trui',
    });
    expect(product.imageId).not.toBe(imageId);
    const targetImages = await second.call('images.list', { mailingId: target.id });
    expect(targetImages.map((i) => i.id)).toContain(product.imageId);
    expect(blocks[0]!.style).toMatchObject({ backgroundColor: '#fff8e1', paddingTop: 12 });
    // The editor saves the document with the inserted blocks: the images belong to the mailing.
    await second.call('mailings.update', {
      id: target.id,
      patch: { document: { ...target.document, blocks: [...target.document.blocks, ...blocks] } },
    });
    const preview = await second.call('mailings.preview', { id: target.id });
    expect(preview.html).toContain('Trui');
    expect(preview.html).toContain('<s>€\u00a049,95</s>');

    // Inserted twice: two independent copies (own ids, own images).
    const again = await second.call('library.insertBlocks', { id: block.id, mailingId: target.id });
    expect(productOf(again.blocks).imageId).not.toBe(product.imageId);

    const fromTemplate = await second.call('library.createMailing', { id: template.id });
    expect(fromTemplate.status).toBe('draft');
    expect(fromTemplate.templateKey).toBeNull();
    expect(fromTemplate.subject).toBe('Herfst bij [[voornaam|ons]]');
    expect(fromTemplate.document.settings.colors.accent).toBe('#aa3300');
    expect(fromTemplate.document.blocks.map((b) => b.type)).toEqual(['product', 'qrCode', 'text']);
    const templateImage = productOf(fromTemplate.document.blocks).imageId;
    expect(
      (await second.call('images.list', { mailingId: fromTemplate.id })).map((i) => i.id),
    ).toEqual([templateImage]);

    // Changing or deleting the copy leaves the template as it was.
    await second.call('mailings.delete', { id: fromTemplate.id });
    const secondCopy = await second.call('library.createMailing', { id: template.id });
    expect(productOf(secondCopy.document.blocks).name).toBe('Trui');
    expect(
      (await second.call('images.list', { mailingId: secondCopy.id })).map((i) => i.bytes),
    ).toEqual([expect.any(Number)]);
  });

  it('renames and deletes, and names a bad name or a missing item in the user’s words', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const t = await start(dir.path, new ManualClock(Date.UTC(2026, 11, 6, 9, 0, 0)));
    const { mailing } = await productMailing(t);
    const item = await t.call('library.saveBlocks', {
      mailingId: mailing.id,
      blockIds: ['text-1'],
      name: 'Groet',
    });
    expect((await t.call('library.rename', { id: item.id, name: ' Begroeting ' })).name).toBe(
      'Begroeting',
    );
    await expect(t.call('library.rename', { id: item.id, name: '  ' })).rejects.toMatchObject({
      error: { issues: [expect.objectContaining({ key: 'library:errors.nameEmpty' })] },
    });
    await expect(
      t.call('library.saveBlocks', { mailingId: mailing.id, blockIds: ['gone'], name: 'X' }),
    ).rejects.toMatchObject({ error: { key: 'library:errors.blockNotFound' } });
    await t.call('library.delete', { id: item.id });
    expect(await t.call('library.list', { kind: 'block' })).toEqual([]);
    await expect(
      t.call('library.insertBlocks', { id: item.id, mailingId: mailing.id }),
    ).rejects.toMatchObject({ error: { key: 'library:errors.notFound' } });
  });
});
