import type { CompileContext } from '../context';

/** Attributes for an MJML tag; undefined and '' values are left out. */
export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeMjmlAttr(String(v))}"`)
    .join('');
}

/** Slot markers pass unchanged; everything else is escaped for the XML MJML parses. */
function escapeMjmlAttr(value: string): string {
  return value
    .replace(/&(?!amp;|lt;|gt;|quot;|#39;)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;');
}

/** A content-coloured section with one column, the shape most blocks take. */
export function section(
  ctx: CompileContext,
  inner: string,
  options: { padding?: string; background?: string } = {},
): string {
  return `<mj-section${attrs({
    'background-color': options.background || ctx.settings.colors.content,
    padding: options.padding ?? '0px',
  })}><mj-column>${inner}</mj-column></mj-section>`;
}

export function mjText(
  inner: string,
  options: Record<string, string | number | undefined> = {},
): string {
  return `<mj-text${attrs(options)}>${inner}</mj-text>`;
}
