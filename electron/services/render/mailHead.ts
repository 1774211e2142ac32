/**
 * Small pieces of markup every mail carries, kept out of the block modules: the hidden preheader,
 * the colour-scheme hints and the styling of alt texts.
 */

/**
 * Hidden without font-size or colour tricks (SpamAssassin scores tiny or white text as
 * HTML_FONT_LOW_CONTRAST); mso-hide covers Outlook, which ignores display:none.
 */
const HIDDEN = 'display:none;max-height:0;overflow:hidden;mso-hide:all;';
/**
 * Invisible filler after the top line: inbox lists show the top line and then blank space,
 * instead of running on into "Online versie" and the first words of the mail.
 */
const FILLER = '&#847;&zwnj;&nbsp;'.repeat(60);

/** The top line as the inbox preview text (`topLineHtml` is already escaped). */
export function preheaderMjml(topLineHtml: string): string {
  if (topLineHtml.trim() === '') return '';
  return `<mj-raw><div style="${HIDDEN}">${topLineHtml}</div><div style="${HIDDEN}">${FILLER}</div></mj-raw>`;
}

/**
 * Dark mode: the mail is designed in light colours (logo and barcode on white), so clients are
 * asked to show it as it is rather than invert parts of it.
 */
export const COLOR_SCHEME_MJML = [
  '<mj-raw><meta name="color-scheme" content="light only"><meta name="supported-color-schemes" content="light only"></mj-raw>',
  '<mj-style>:root { color-scheme: light only; supported-color-schemes: light only; }</mj-style>',
].join('\n');

/**
 * With images off, clients show the alt text in the image's own style: in the mail's font and
 * text colour rather than as bare Times links. Added in front of each image's style, so MJML's
 * own properties still win.
 */
export function styleAltTexts(html: string, fontStack: string, color: string): string {
  const style = `font-family:${fontStack.replace(/"/g, "'")};color:${color.replace(/[";]/g, '')};`;
  return html.replace(/(<img\b[^>]*?\bstyle=")/gi, `$1${style}`);
}
