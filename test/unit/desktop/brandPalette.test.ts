import { describe, expect, it } from 'vitest';
import {
  BRAND_SHADE,
  brandPalette,
  contrastRatio,
  luminance,
  readableTextShade,
  textOn,
} from '../../../renderer/src/themePalette';

const BRANDS = ['#1f7a5a', '#2b4c8c', '#e4572e', '#f2d541', '#ffffff', '#000000', '#7fd4ff'];

describe('brandPalette', () => {
  it('has ten shades from light to dark with the brand colour itself as the button shade', () => {
    for (const colour of BRANDS) {
      const palette = brandPalette(colour);
      expect(palette).toHaveLength(10);
      expect(palette[BRAND_SHADE]).toBe(colour);
      for (let i = 1; i < 10; i += 1) {
        expect(luminance(palette[i]!), `${colour} shade ${i}`).toBeLessThanOrEqual(
          luminance(palette[i - 1]!),
        );
      }
    }
  });

  it('keeps the lightest shade a pale background', () => {
    expect(luminance(brandPalette('#2b4c8c')[0])).toBeGreaterThan(0.8);
  });

  it('refuses something that is not a colour', () => {
    expect(() => brandPalette('blue')).toThrow(/#1f7a5a/);
  });
});

describe('readable text on the brand colour', () => {
  it('gives every button text at least 4.5:1 (WCAG AA), light or dark brand', () => {
    for (const colour of BRANDS) {
      expect(contrastRatio(textOn(colour), colour), colour).toBeGreaterThanOrEqual(4.5);
    }
    expect(textOn('#2b4c8c')).toBe('#ffffff');
    expect(textOn('#f2d541')).toBe('#000000');
  });

  it('picks a darker shade for the product name when the brand colour is light', () => {
    expect(readableTextShade(brandPalette('#2b4c8c'))).toBe(BRAND_SHADE);
    const yellow = brandPalette('#f2d541');
    const shade = readableTextShade(yellow);
    expect(shade).toBeGreaterThan(BRAND_SHADE);
    expect(contrastRatio(yellow[shade]!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
