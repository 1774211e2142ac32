import type { z } from 'zod';
import type { ColumnData } from '../../../contract/mailingDocument';
import type { CompileContext } from '../context';
import { richTextToHtml, richTextToText } from '../lexical';
import { attrs, mjText } from './mjml';

type Column = z.infer<typeof ColumnData>;

/** An image above a text inside one <mj-column>: shared by imageText and twoColumns. */
export function columnMjml(ctx: CompileContext, column: Column, width: string): string {
  const image = ctx.image(column.imageId, column.alt);
  const html = richTextToHtml(ctx, column.content);
  const parts = [
    image
      ? `<mj-image${attrs({
          src: image.src,
          alt: ctx.html(column.alt),
          width: `${image.width}px`,
          href: column.href ? ctx.href(column.href) : undefined,
          padding: '8px 12px',
        })} />`
      : '',
    html ? mjText(html, { padding: '8px 12px' }) : '',
  ];
  return `<mj-column${attrs({ width, 'vertical-align': 'middle' })}>${parts.join('')}</mj-column>`;
}

export function columnText(ctx: CompileContext, column: Column): string {
  const text = richTextToText(ctx, column.content);
  const link = column.href ? ctx.href(column.href, 'text') : '';
  return [text, link].filter((t) => t !== '').join('\n');
}
