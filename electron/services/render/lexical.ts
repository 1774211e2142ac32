import type { LexicalNodeJson, RichTextT } from '../../contract/mailingDocument';
import { isAllowedLink } from '../../contract/mailingDocument';
import type { CompileContext } from './context';
import { normalizeVariableName } from './variables';

/**
 * Lexical's serialized state to e-mail-safe HTML and to plain text, on the main side without a
 * DOM: a walk over the JSON. Only what mail clients show well is kept (inline styles, no classes);
 * unknown nodes keep their text.
 */

const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
};

const COLOR =
  /^(#[0-9a-f]{3,8}|rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(,\s*[\d.]+\s*)?\)|[a-z]{3,20})$/i;
const FONT_SIZE = /^(\d{1,2}(\.\d+)?)px$/;

/** Only colour, background colour and font size survive from Lexical's inline style string. */
export function safeInlineStyle(style: unknown): string {
  if (typeof style !== 'string' || style === '') return '';
  const out: string[] = [];
  for (const declaration of style.split(';')) {
    const [rawProp, ...rest] = declaration.split(':');
    const prop = rawProp?.trim().toLowerCase();
    const value = rest.join(':').trim();
    if ((prop === 'color' || prop === 'background-color') && COLOR.test(value))
      out.push(`${prop}:${value}`);
    if (prop === 'font-size') {
      const size = Number(FONT_SIZE.exec(value)?.[1]);
      if (size >= 8 && size <= 72) out.push(`font-size:${size}px;line-height:1.35`);
    }
  }
  return out.join(';');
}

function alignStyle(node: LexicalNodeJson): string {
  const format = node.format;
  return format === 'center' || format === 'right' || format === 'justify' || format === 'left'
    ? `text-align:${format};`
    : '';
}

function indentStyle(node: LexicalNodeJson): string {
  const indent = typeof node.indent === 'number' ? Math.min(Math.max(node.indent, 0), 10) : 0;
  return indent > 0 ? `padding-left:${indent * 24}px;` : '';
}

function children(node: LexicalNodeJson): LexicalNodeJson[] {
  return Array.isArray(node.children) ? node.children : [];
}

function linkUrl(node: LexicalNodeJson): string {
  return typeof node.url === 'string' ? node.url.trim() : '';
}

export function richTextToHtml(ctx: CompileContext, state: RichTextT): string {
  return state.root.children.map((n) => blockHtml(ctx, n)).join('');
}

function blockHtml(ctx: CompileContext, node: LexicalNodeJson): string {
  const inner = () =>
    children(node)
      .map((c) => inlineHtml(ctx, c))
      .join('');
  switch (node.type) {
    case 'paragraph': {
      const content = inner();
      return `<p style="margin:0 0 12px 0;${alignStyle(node)}${indentStyle(node)}">${content === '' ? '&nbsp;' : content}</p>`;
    }
    case 'heading': {
      const tag = /^h[1-6]$/.test(String(node.tag)) ? String(node.tag) : 'h2';
      const size = { h1: 28, h2: 22, h3: 18, h4: 16, h5: 15, h6: 14 }[tag] ?? 22;
      return `<${tag} style="margin:0 0 12px 0;font-size:${size}px;line-height:1.25;color:${ctx.settings.colors.heading};${alignStyle(node)}">${inner()}</${tag}>`;
    }
    case 'quote':
      return `<blockquote style="margin:0 0 12px 0;padding-left:12px;border-left:3px solid ${ctx.settings.colors.accent};">${inner()}</blockquote>`;
    case 'list':
      return listHtml(ctx, node);
    default:
      // An inline node at the top level (or something new): keep its content.
      return children(node).length > 0 || typeof node.text === 'string'
        ? `<p style="margin:0 0 12px 0;">${inlineHtml(ctx, node)}</p>`
        : '';
  }
}

function listHtml(ctx: CompileContext, node: LexicalNodeJson): string {
  const ordered = node.listType === 'number' || node.tag === 'ol';
  const tag = ordered ? 'ol' : 'ul';
  const items = children(node)
    .map((item) => {
      const parts = children(item).map((c) =>
        c.type === 'list' ? listHtml(ctx, c) : inlineHtml(ctx, c),
      );
      return `<li style="margin:0 0 4px 0;${alignStyle(item)}">${parts.join('')}</li>`;
    })
    .join('');
  return `<${tag} style="margin:0 0 12px 0;padding-left:24px;">${items}</${tag}>`;
}

function inlineHtml(ctx: CompileContext, node: LexicalNodeJson): string {
  switch (node.type) {
    case 'text':
      return textHtml(ctx, node);
    case 'linebreak':
      return '<br>';
    case 'tab':
      return '&nbsp;&nbsp;&nbsp;&nbsp;';
    case 'variable':
      return ctx.variable(
        normalizeVariableName(String(node.name ?? '')),
        typeof node.fallback === 'string' ? node.fallback : undefined,
        'html',
      );
    case 'link':
    case 'autolink': {
      const content = children(node)
        .map((c) => inlineHtml(ctx, c))
        .join('');
      const url = linkUrl(node);
      // The update channel refuses other schemes; a document from elsewhere loses the link, not the text.
      if (!isAllowedLink(url.replace(/\[\[[^\]]*\]\]/g, 'x'))) return content;
      return `<a href="${ctx.href(url)}" target="_blank" style="color:${ctx.settings.colors.link};text-decoration:underline;">${content}</a>`;
    }
    default:
      if (children(node).length > 0)
        return children(node)
          .map((c) => inlineHtml(ctx, c))
          .join('');
      return typeof node.text === 'string' ? ctx.html(node.text) : '';
  }
}

function textHtml(ctx: CompileContext, node: LexicalNodeJson): string {
  let html = ctx.html(typeof node.text === 'string' ? node.text : '');
  if (html === '') return '';
  const format = typeof node.format === 'number' ? node.format : 0;
  if (format & FORMAT.code)
    html = `<code style="font-family:Consolas,Menlo,monospace;">${html}</code>`;
  if (format & FORMAT.subscript) html = `<sub>${html}</sub>`;
  if (format & FORMAT.superscript) html = `<sup>${html}</sup>`;
  if (format & FORMAT.strikethrough) html = `<s>${html}</s>`;
  if (format & FORMAT.underline) html = `<u>${html}</u>`;
  if (format & FORMAT.italic) html = `<em>${html}</em>`;
  if (format & FORMAT.bold) html = `<strong>${html}</strong>`;
  const style = safeInlineStyle(node.style);
  return style === '' ? html : `<span style="${style}">${html}</span>`;
}

/** The same content for the plain-text part: paragraphs, list bullets, "label (url)". */
export function richTextToText(ctx: CompileContext, state: RichTextT): string {
  return state.root.children
    .map((n) => blockText(ctx, n, 0))
    .filter((t) => t !== '')
    .join('\n\n');
}

function blockText(ctx: CompileContext, node: LexicalNodeJson, depth: number): string {
  if (node.type === 'list') {
    const ordered = node.listType === 'number' || node.tag === 'ol';
    return children(node)
      .map((item, i) => {
        const nested = children(item)
          .filter((c) => c.type === 'list')
          .map((c) => blockText(ctx, c, depth + 1));
        const own = children(item)
          .filter((c) => c.type !== 'list')
          .map((c) => inlineText(ctx, c))
          .join('');
        const line = `${'  '.repeat(depth)}${ordered ? `${i + 1}.` : '-'} ${own}`;
        return [own === '' ? '' : line, ...nested].filter((l) => l !== '').join('\n');
      })
      .join('\n');
  }
  return children(node).length > 0
    ? children(node)
        .map((c) => inlineText(ctx, c))
        .join('')
    : inlineText(ctx, node);
}

function inlineText(ctx: CompileContext, node: LexicalNodeJson): string {
  switch (node.type) {
    case 'text':
      return ctx.text(typeof node.text === 'string' ? node.text : '');
    case 'linebreak':
      return '\n';
    case 'tab':
      return '\t';
    case 'variable':
      return ctx.variable(
        normalizeVariableName(String(node.name ?? '')),
        typeof node.fallback === 'string' ? node.fallback : undefined,
        'text',
      );
    case 'link':
    case 'autolink': {
      const label = children(node)
        .map((c) => inlineText(ctx, c))
        .join('');
      const url = linkUrl(node);
      if (!isAllowedLink(url.replace(/\[\[[^\]]*\]\]/g, 'x'))) return label;
      return `${label} (${ctx.href(url, 'text')})`;
    }
    default:
      if (children(node).length > 0)
        return children(node)
          .map((c) => inlineText(ctx, c))
          .join('');
      return typeof node.text === 'string' ? ctx.text(node.text) : '';
  }
}

/** Every link URL in a rich text (the update channel checks their schemes). */
export function richTextLinks(state: RichTextT): string[] {
  const urls: string[] = [];
  const walk = (node: LexicalNodeJson) => {
    if (node.type === 'link' || node.type === 'autolink') urls.push(linkUrl(node));
    children(node).forEach(walk);
  };
  state.root.children.forEach(walk);
  return urls;
}
