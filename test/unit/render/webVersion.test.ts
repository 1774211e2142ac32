import { describe, expect, it } from 'vitest';
import { renderWebVersion } from '../../../electron/services/render/webVersion';
import type { TrackingConfig } from '../../../electron/services/tracking/trackingConfig';
import { compileBlocks, testImage } from './renderHelpers';

const TRACKING: TrackingConfig = {
  baseUrl: 'https://track.example.nl',
  account: 'acc',
  kid: 'k1',
  key: Buffer.alloc(32, 7),
};

describe('renderWebVersion', () => {
  it('one page for everyone: fallbacks, hosted images, no barcode, pixel or tokens', async () => {
    const photo = await testImage('photo');
    const compiled = await compileBlocks(
      [
        { id: 'h', type: 'heading', data: { text: 'Hallo [[voornaam|lezer]] [[naam]]!' } },
        { id: 'i', type: 'image', data: { imageId: 'photo', alt: 'Foto' } },
        { id: 'b', type: 'button', data: { label: 'Kijk', url: 'https://winkel.nl/sale' } },
        { id: 'v', type: 'voucher', data: {} },
      ],
      { images: [photo], tracking: TRACKING },
    );
    const html = renderWebVersion(compiled, (image) =>
      image.id === 'photo' ? `https://track.example.nl/a/${image.sha256}` : undefined,
    );
    expect(html).toContain('Hallo lezer !');
    expect(html).toContain(`src="https://track.example.nl/a/${photo.sha256}"`);
    expect(html).toContain('href="https://winkel.nl/sale"');
    expect(html).toContain('mailto:info@jouwmodezaak.nl?subject=Afmelden');
    for (const absent of ['cid:', '/o/', '/c/', '/u/', '/w/', 'Online versie', '\uE000'])
      expect(html).not.toContain(absent);
  });
});
