import { describe, expect, it } from 'vitest';
import {
  darkModeHtml,
  darkenBackground,
  lightenText,
} from '../../../electron/services/render/darkPreview';
import { luminance } from '../../../electron/contract/plain/contrast';
import { previewHtml } from '../../../electron/services/render';

describe('the dark-mode preview', () => {
  it('darkens light backgrounds and lightens dark text, leaving the rest', () => {
    expect(luminance(darkenBackground('#ffffff'))).toBeLessThan(0.05);
    expect(luminance(darkenBackground('#f3efe9'))).toBeLessThan(0.05);
    expect(darkenBackground('#1f7a5a')).toBe('#1f7a5a'); // a dark button stays
    expect(luminance(lightenText('#000'))).toBeGreaterThan(0.6);
    expect(luminance(lightenText('rgb(34, 34, 34)'))).toBeGreaterThan(0.6);
    expect(lightenText('#ffffff')).toBe('#ffffff'); // light text on a button stays
    expect(darkenBackground('transparent')).toBe('transparent');
  });

  it('recolours style sheets, style and bgcolor attributes, never images', () => {
    const mail = [
      '<html><head><meta name="color-scheme" content="light only">',
      '<style>:root { color-scheme: light only; } .x { background-color:#ffffff; color:#222222 }',
      '@media (prefers-color-scheme: dark) { .logo { display:none } }</style></head>',
      '<body style="word-spacing:normal;background-color:#f3efe9;">',
      '<table bgcolor="#FFFFFF"><tr><td style="color:#000000;border:1px solid #dddddd">',
      '<a style="background:#1f7a5a;color:#ffffff">Koop</a><img src="data:image/png;base64,AAAA" style="color:#000000"></td></tr></table>',
      '</body></html>',
    ].join('');
    const dark = darkModeHtml(mail);
    expect(dark).not.toMatch(/#ffffff;|#f3efe9|#222222|"#FFFFFF"|color:#000000|#dddddd/i);
    expect(dark).toContain('background:#1f7a5a;color:#ffffff');
    expect(dark).toContain('src="data:image/png;base64,AAAA"');
    expect(dark).toContain('<meta name="color-scheme" content="dark">');
    expect(dark).toContain('@media all { .logo');
    expect(dark).toMatch(/:root\{color-scheme:dark;background-color:#121212;\}<\/style><\/head>/);
  });

  it('is what the preview serves for scheme dark, together with images off', () => {
    const mail =
      '<html><head></head><body style="background-color:#ffffff"><img alt="Logo" src="x.png"></body></html>';
    const shown = previewHtml(mail, { images: false, scheme: 'dark' });
    expect(shown).not.toContain('src="x.png"');
    expect(shown).not.toContain('#ffffff');
    expect(previewHtml(mail, { images: true })).toBe(mail);
  });
});
