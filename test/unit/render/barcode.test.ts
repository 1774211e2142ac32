import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barcodePng, isValidEan13 } from '../../../electron/services/render';

describe('voucher barcode', () => {
  it('recognises valid EAN-13 codes by their check digit', () => {
    expect(isValidEan13('8712345678906')).toBe(true);
    expect(isValidEan13('8712345678907')).toBe(false);
    expect(isValidEan13('871234567890')).toBe(false);
  });

  it('draws a valid EAN as EAN-13: a PNG of 95 modules plus quiet zones, 2 px each', async () => {
    const image = barcodePng('8712345678906');
    expect(image?.symbology).toBe('ean13');
    const meta = await sharp(image!.png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe((95 + 2 * 11) * 2);
    expect(meta.height).toBe(70);
    expect(image!.width).toBe(meta.width);
    // Left quiet zone is white, the first guard bar black.
    const { data, info } = await sharp(image!.png)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const row = (x: number) => data[35 * info.width + x];
    expect(row(0)).toBe(255);
    expect(row(22)).toBe(0);
  });

  it('falls back to Code 128 for other codes and refuses what no barcode can carry', async () => {
    const image = barcodePng('WB-2026-0042');
    expect(image?.symbology).toBe('code128');
    const meta = await sharp(image!.png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(image!.width);
    expect(barcodePng('8712345678907')?.symbology).toBe('code128');
    expect(barcodePng('')).toBeNull();
    expect(barcodePng('bon-€')).toBeNull();
  });
});
