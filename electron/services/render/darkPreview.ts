/**
 * The preview's "Donker" view: the mail as a mail app in dark mode shows it. Apple Mail honours
 * the mail's `color-scheme: light only` and shows it unchanged, but the Gmail apps and Outlook
 * (app, Outlook.com, Windows) ignore that and recolour the mail themselves: light backgrounds
 * turn dark and dark text turns light, hue kept; images, dark backgrounds and light text stay.
 * This shows that worst case, so a black logo on a transparent background is seen disappearing.
 */
import { luminance, parseHexColour } from '../../contract/plain/contrast';

/** Relative luminance above which a background counts as light (the apps' threshold is near). */
const LIGHT_BACKGROUND = 0.4;
/** Relative luminance below which text counts as dark. */
const DARK_TEXT = 0.2;

type Rgb = [number, number, number];

/** A CSS colour as #rrggbb (hex, rgb(), white, black), or null for anything else. */
function normalizedHex(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === 'white') return '#ffffff';
  if (v === 'black') return '#000000';
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `#${short[1]!.repeat(2)}${short[2]!.repeat(2)}${short[3]!.repeat(2)}`;
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*[\d.]+\s*)?\)$/.exec(v);
  if (!rgb) return null;
  return `#${[rgb[1], rgb[2], rgb[3]].map((c) => Math.min(255, Number(c)).toString(16).padStart(2, '0')).join('')}`;
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === rn
      ? ((gn - bn) / d + (gn < bn ? 6 : 0)) / 6
      : max === gn
        ? ((bn - rn) / d + 2) / 6
        : ((rn - gn) / d + 4) / 6;
  return [h, s, l];
}

function toHex([h, s, l]: [number, number, number]): string {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    const c =
      u < 1 / 6
        ? p + (q - p) * 6 * u
        : u < 1 / 2
          ? q
          : u < 2 / 3
            ? p + (q - p) * (2 / 3 - u) * 6
            : p;
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(h + 1 / 3)}${channel(h)}${channel(h - 1 / 3)}`;
}

/** A light background as the apps darken it: white becomes #1f1f1f-ish, hue kept. */
export function darkenBackground(colour: string): string {
  const hex = normalizedHex(colour);
  if (!hex || luminance(hex) <= LIGHT_BACKGROUND) return colour;
  const [h, s, l] = toHsl(parseHexColour(hex)!);
  return toHex([h, s * 0.6, 0.12 + (1 - l) * 0.5]);
}

/** Dark text as the apps lighten it: black becomes #e6e6e6-ish, hue kept. */
export function lightenText(colour: string): string {
  const hex = normalizedHex(colour);
  if (!hex || luminance(hex) >= DARK_TEXT) return colour;
  const [h, s, l] = toHsl(parseHexColour(hex)!);
  return toHex([h, s, 0.9 - l * 0.4]);
}

const COLOUR = String.raw`#[0-9a-fA-F]{3,6}\b|rgba?\([^)]*\)|\bwhite\b|\bblack\b`;
const BACKGROUND_DECLARATION = new RegExp(
  String.raw`(\b(?:background-color|background|border(?:-top|-right|-bottom|-left)?(?:-color)?)\s*:[^;"}]*?)(${COLOUR})`,
  'gi',
);
const TEXT_DECLARATION = new RegExp(String.raw`((?:^|[;\s{"])color\s*:\s*)(${COLOUR})`, 'gi');

/** Recolours the declarations of one style sheet or style attribute. */
function recolourCss(css: string): string {
  return css
    .replace(
      BACKGROUND_DECLARATION,
      (_m, head: string, colour: string) => head + darkenBackground(colour),
    )
    .replace(TEXT_DECLARATION, (_m, head: string, colour: string) => head + lightenText(colour));
}

/** The mail's HTML recoloured as a dark-mode mail app shows it (see the top of this file). */
export function darkModeHtml(html: string): string {
  const recoloured = html
    .replace(
      /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi,
      (_m, open: string, css: string, close: string) => open + recolourCss(css) + close,
    )
    .replace(
      /(\sstyle=")([^"]*)(")/gi,
      (_m, open: string, css: string, close: string) => open + recolourCss(css) + close,
    )
    .replace(
      /(\sbgcolor=")([^"]*)(")/gi,
      (_m, open: string, colour: string, close: string) => open + darkenBackground(colour) + close,
    )
    // The mail's own dark rules apply, as in an app that honours them.
    .replace(/\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi, 'all')
    .replace(/\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi, 'not all')
    .replace(
      /(<meta\s+name="(?:color-scheme|supported-color-schemes)"\s+content=")[^"]*"/gi,
      '$1dark"',
    )
    .replace(/color-scheme\s*:\s*light only/gi, 'color-scheme: dark');
  // The page behind the mail (outside its own backgrounds) is the app's dark canvas.
  const canvas = '<style>:root{color-scheme:dark;background-color:#121212;}</style>';
  return /<\/head>/i.test(recoloured)
    ? recoloured.replace(/<\/head>/i, `${canvas}</head>`)
    : canvas + recoloured;
}
