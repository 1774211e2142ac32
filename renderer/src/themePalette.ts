/**
 * A Mantine colour scale (10 shades, light to dark) from one brand colour. The brand colour itself
 * is shade 6, the one Mantine fills buttons with, so a reseller sees exactly its own colour.
 * Pure functions (no Mantine import) so the unit tests run them under Node.
 */
import { contrastRatio, luminance, parseHexColour } from '../../electron/contract/plain/contrast';

export { contrastRatio, luminance };

export const BRAND_SHADE = 6;

type Rgb = [number, number, number];

function toRgb(hex: string): Rgb {
  const rgb = parseHexColour(hex);
  if (!rgb) throw new Error(`Not a colour like #1f7a5a: ${hex}`);
  return rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function mix(from: Rgb, to: Rgb, amount: number): Rgb {
  return from.map((c, i) => c + (to[i]! - c) * amount) as Rgb;
}

// How far each shade moves from the brand colour towards white (0–5) or black (7–9).
const TINTS = [0.92, 0.8, 0.64, 0.46, 0.28, 0.12];
const SHADES = [0.15, 0.3, 0.45];

export type Palette = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export function brandPalette(hex: string): Palette {
  const base = toRgb(hex);
  const white: Rgb = [255, 255, 255];
  const black: Rgb = [0, 0, 0];
  return [
    ...TINTS.map((t) => toHex(mix(base, white, t))),
    toHex(base),
    ...SHADES.map((t) => toHex(mix(base, black, t))),
  ] as Palette;
}

/**
 * Mantine's autoContrast puts dark text on filled colours lighter than this luminance, else white.
 * 0.179 is where white and black contrast equally (about 4.6:1), so the chosen one always reads.
 */
export const TEXT_LUMINANCE_THRESHOLD = 0.179;

/** The text colour autoContrast gives a filled brand button (tested against WCAG AA). */
export function textOn(hex: string): '#ffffff' | '#000000' {
  return luminance(hex) > TEXT_LUMINANCE_THRESHOLD ? '#000000' : '#ffffff';
}

/**
 * The shade for brand-coloured text on the white page (the product name in the header): the
 * lightest of shades 6–9 that reaches 4.5:1, so a light brand colour still gives readable text.
 */
export function readableTextShade(palette: Palette): number {
  for (let shade = BRAND_SHADE; shade <= 9; shade += 1) {
    if (contrastRatio(palette[shade]!, '#ffffff') >= 4.5) return shade;
  }
  return 9;
}

/**
 * Secondary text (Mantine's "dimmed") and placeholders: 6.1:1 on white, 4.5:1 or more on the pale
 * fills of notices (Mantine's gray 6 gives 3.3:1).
 */
export const DIMMED_TEXT = '#5c636a';

/**
 * Shades 8 and 9 of the colours the app writes text in (status lines in green.8 and orange.8,
 * the titles of light notices in shade 9, such as "Let op"): Mantine's own fail 4.5:1 on white.
 */
export const READABLE_TEXT_SHADES = {
  green: ['#237032', '#1b5e20'],
  yellow: ['#805400', '#8a4b00'],
  orange: ['#b33f00', '#8f3300'],
} as const;

/** The pale fills text in these colours sits on: white, gray 0 and the notices' shade 0 and 1. */
export const PALE_BACKGROUNDS = [
  '#ffffff',
  '#f8f9fa',
  '#ebfbee',
  '#fff9db',
  '#fff3bf',
  '#fff4e6',
  '#e7f5ff',
  '#d0ebff',
];
