import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  DIMMED_TEXT,
  PALE_BACKGROUNDS,
  READABLE_TEXT_SHADES,
} from '../../../renderer/src/themePalette';

describe('the theme text colours (WCAG AA 4.5:1)', () => {
  it('reads the secondary text on white and on every pale fill', () => {
    for (const background of PALE_BACKGROUNDS) {
      expect(contrastRatio(DIMMED_TEXT, background), background).toBeGreaterThanOrEqual(4.5);
    }
    // Mantine's own gray 6 did not: the reason for DIMMED_TEXT.
    expect(contrastRatio('#868e96', '#ffffff')).toBeLessThan(4.5);
  });

  it('reads green, yellow and orange text shades on every pale fill', () => {
    for (const [name, shades] of Object.entries(READABLE_TEXT_SHADES)) {
      for (const shade of shades) {
        for (const background of PALE_BACKGROUNDS) {
          expect(
            contrastRatio(shade, background),
            `${name} ${shade} on ${background}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
