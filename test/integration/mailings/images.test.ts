import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';

let t: TestApp;
let mailingId: string;
beforeAll(async () => {
  t = await startTestApp();
  mailingId = (await t.call('mailings.create', { type: 'newsletter' })).id;
});
afterAll(async () => {
  await t.close();
});

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { error: { code: string; key?: string; message: string } }).error;
  }
  throw new Error('expected the call to fail');
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#336699' } });

describe('images channels', () => {
  it('scales a wide JPEG to 640 px and keeps its proportions', async () => {
    const jpeg = await photo(1600, 900).jpeg().toBuffer();
    const info = await t.call('images.add', {
      mailingId,
      fileName: 'winkel.jpg',
      dataBase64: jpeg.toString('base64'),
    });
    expect(info).toMatchObject({
      mime: 'image/jpeg',
      width: 640,
      height: 360,
      fileName: 'winkel.jpg',
    });
    const stored = Buffer.from(info.dataUrl.split(',')[1]!, 'base64');
    expect(await sharp(stored).metadata()).toMatchObject({
      format: 'jpeg',
      width: 640,
      height: 360,
    });
  });

  it('keeps a small PNG as it is, accepts a data: URL and a GIF', async () => {
    const png = await photo(200, 100).png().toBuffer();
    const info = await t.call('images.add', {
      mailingId,
      fileName: 'logo.png',
      dataBase64: `data:image/png;base64,${png.toString('base64')}`,
    });
    expect(info).toMatchObject({ mime: 'image/png', width: 200, height: 100, bytes: png.length });
    const gif = await photo(900, 300).gif().toBuffer();
    expect(
      await t.call('images.add', {
        mailingId,
        fileName: 'anim.gif',
        dataBase64: gif.toString('base64'),
      }),
    ).toMatchObject({
      mime: 'image/gif',
      width: 640,
      height: 213,
    });
    const listed = await t.call('images.list', { mailingId });
    expect(listed.map((i) => i.fileName)).toEqual(expect.arrayContaining(['logo.png', 'anim.gif']));
  });

  it('judges by content, not by name: a text file called .png and a WebP are refused', async () => {
    const text = await failure(
      t.call('images.add', {
        mailingId,
        fileName: 'foto.png',
        dataBase64: Buffer.from('hallo').toString('base64'),
      }),
    );
    expect(text).toMatchObject({ code: 'invalid_input', key: 'mailings:errors.imageType' });
    const webp = await photo(20, 20).webp().toBuffer();
    expect(
      (
        await failure(
          t.call('images.add', {
            mailingId,
            fileName: 'foto.jpg',
            dataBase64: webp.toString('base64'),
          }),
        )
      ).key,
    ).toBe('mailings:errors.imageType');
  });

  it('refuses a damaged image and one over 20 MB', async () => {
    const png = await photo(300, 300).png().toBuffer();
    const damaged = Buffer.concat([png.subarray(0, 40), Buffer.alloc(50, 7)]);
    expect(
      (
        await failure(
          t.call('images.add', {
            mailingId,
            fileName: 'kapot.png',
            dataBase64: damaged.toString('base64'),
          }),
        )
      ).key,
    ).toBe('mailings:errors.imageUnreadable');
    const huge = Buffer.concat([png.subarray(0, 8), Buffer.alloc(20 * 1024 * 1024 + 10)]);
    expect(
      (
        await failure(
          t.call('images.add', {
            mailingId,
            fileName: 'groot.png',
            dataBase64: huge.toString('base64'),
          }),
        )
      ).key,
    ).toBe('mailings:errors.imageTooLarge');
    expect((await t.call('images.list', { mailingId })).map((i) => i.fileName)).not.toContain(
      'kapot.png',
    );
  });

  it('refuses to delete an image a block shows, deletes it once unused', async () => {
    const png = await photo(100, 100).png().toBuffer();
    const image = await t.call('images.add', {
      mailingId,
      fileName: 'a.png',
      dataBase64: png.toString('base64'),
    });
    const mailing = await t.call('mailings.get', { id: mailingId });
    const withImage = {
      ...mailing.document,
      blocks: [
        { id: 'img', type: 'image', data: { imageId: image.id, alt: 'A' } },
        ...mailing.document.blocks,
      ],
    };
    await t.call('mailings.update', { id: mailingId, patch: { document: withImage } });
    expect(await failure(t.call('images.delete', { id: image.id }))).toMatchObject({
      code: 'conflict',
      key: 'mailings:errors.imageInUse',
    });
    await t.call('mailings.update', { id: mailingId, patch: { document: mailing.document } });
    await t.call('images.delete', { id: image.id });
    expect((await t.call('images.list', { mailingId })).map((i) => i.id)).not.toContain(image.id);
  });

  it('refuses a document that points at an image of another mailing', async () => {
    const other = await t.call('mailings.create', { type: 'newsletter' });
    const png = await photo(50, 50).png().toBuffer();
    const foreign = await t.call('images.add', {
      mailingId: other.id,
      fileName: 'b.png',
      dataBase64: png.toString('base64'),
    });
    const mailing = await t.call('mailings.get', { id: mailingId });
    const error = await failure(
      t.call('mailings.update', {
        id: mailingId,
        patch: {
          document: {
            ...mailing.document,
            blocks: [{ id: 'l', type: 'logo', data: { imageId: foreign.id } }],
          },
        },
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', key: 'mailings:errors.invalidBlock' });
  });
});
