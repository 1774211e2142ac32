/**
 * WCAG 2.x contrast between two #rrggbb colours, shared by the checklist (a mailing's own colours)
 * and the renderer's theme. Plain: no imports (see README.md).
 */

/** WCAG AA for body text; large text (24 px, or 18.7 px bold) needs LARGE_TEXT_CONTRAST. */
export const MIN_TEXT_CONTRAST = 4.5;
export const LARGE_TEXT_CONTRAST = 3;

/**
 * Small grey text in mails (footer, voucher terms, "Online versie"): 7:1 on white and 6:1 on a
 * beige page such as #f3efe9, where the former #777777 gave 4.5:1 and 3.9:1.
 */
export const SECONDARY_TEXT_COLOR = '#595959';

/** [r, g, b] of "#rrggbb" (0–255), or null for anything else. */
export function parseHexColour(hex: string): [number, number, number] | null {
  const value = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!value) return null;
  const n = parseInt(value[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG relative luminance (0 black … 1 white). */
export function luminance(hex: string): number {
  const rgb = parseHexColour(hex);
  if (!rgb) throw new Error(`Not a colour like #1f7a5a: ${hex}`);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
