import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { editBlocks, fakeResolver, seedMailing } from '../sending/seed';

describe('checklist for product and QR code blocks', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  /** A sendable mailing (seedMailing) whose content becomes the given blocks, tested again. */
  async function mailingWith(blocks: (imageId: string) => unknown[]) {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 3 });
    const bytes = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#335577' },
    })
      .png()
      .toBuffer();
    const image = await t.call('images.add', {
      mailingId,
      fileName: 'trui.png',
      dataBase64: bytes.toString('base64'),
    });
    await editBlocks(t, mailingId, (stored) => [
      ...stored.filter((b) => b.type !== 'logo'),
      ...blocks(image.id),
    ]);
    t.app.context.mailings.markTested(mailingId, t.clock.now() + 1);
    t.clock.advance(1000);
    const checklist = await t.call('checklist.get', { mailingId });
    return Object.fromEntries(checklist.items.map((i) => [i.id, i]));
  }

  it('passes a well-filled product and QR mailing', async () => {
    const items = await mailingWith((imageId) => [
      {
        id: 'p',
        type: 'product',
        data: {
          products: [
            {
              imageId,
              alt: 'Blauwe trui',
              name: 'Trui',
              price: 39.95,
              oldPrice: 49.95,
              url: 'https://www.bakkerij.nl/trui',
            },
            { name: 'Stol', price: 12.5, url: 'https://www.bakkerij.nl/stol' },
          ],
        },
      },
      { id: 'q', type: 'qrCode', data: { url: 'https://www.bakkerij.nl/review' } },
    ]);
    expect(items.products).toMatchObject({ status: 'ok', key: 'sending:checklist.products.ok' });
    expect(items.qrLink).toMatchObject({ status: 'ok', key: 'sending:checklist.qrLink.ok' });
    expect(items.images).toMatchObject({ status: 'ok' });
    expect(items.links).toMatchObject({ status: 'ok' });
    // Only the tracker account is missing in this test app; nothing about the content fails.
    const failing = Object.values(items)
      .filter((i) => i.status === 'fail')
      .map((i) => i.id);
    expect(failing).toEqual(['account']);
  });

  it('names each problem of a badly filled one and where it is', async () => {
    const items = await mailingWith((imageId) => [
      { id: 'text', type: 'heading', data: { text: 'Onze aanbiedingen' } },
      {
        id: 'p',
        type: 'product',
        data: {
          products: [
            { imageId, alt: '', name: 'Trui', price: null },
            { name: '  ', price: 5 },
            { name: 'Muts', price: null },
          ],
        },
      },
      { id: 'q1', type: 'qrCode', data: { url: '' } },
      { id: 'q2', type: 'qrCode', data: { url: 'https://www.bakkerij.nl/[[voornaam]]' } },
      { id: 'q3', type: 'qrCode', data: { url: 'https://www.bakkerij.nl/ok' } },
    ]);
    // The seeded mailing keeps its text and footer before these blocks (the logo is removed).
    const productBlock = 4;
    expect(items.productPrice).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.productPrice.problem',
      params: { count: 2, blocks: `${productBlock}.1, ${productBlock}.3` },
    });
    expect(items.productName).toMatchObject({
      status: 'fail',
      params: { count: 1, blocks: `${productBlock}.2` },
    });
    expect(items.productAlt).toMatchObject({
      status: 'warn',
      params: { count: 1, blocks: `${productBlock}.1` },
    });
    expect(items.qrLink).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.qrLink.problem',
      params: { count: 2, blocks: `${productBlock + 1}, ${productBlock + 2}` },
    });
    expect(items.products).toBeUndefined();
  });
});
