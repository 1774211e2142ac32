import { ProductData, type ProductItemT } from '../../../contract/mailingDocument';
import { SECONDARY_TEXT_COLOR } from '../../../contract/plain/contrast';
import type { CompileContext } from '../context';
import { escapeHtml } from '../escape';
import { attrs, mjText } from './mjml';
import type { BlockModule } from './types';

const COLUMN_WIDTHS = ['100%', '50%', '33.33%'] as const;
/** The widest a product photo is shown with one, two or three products in a row (px). */
const IMAGE_WIDTHS = [400, 264, 170] as const;

/** "€ 12,95 € 9,95": the old price struck through (and named for screen readers), then the price. */
function priceHtml(ctx: CompileContext, product: ProductItemT): string {
  if (product.price === null) return '';
  const price = `<strong>${escapeHtml(ctx.texts.price(product.price))}</strong>`;
  if (product.oldPrice === null) return price;
  const old = escapeHtml(ctx.texts.price(product.oldPrice));
  return `<span style="color:${SECONDARY_TEXT_COLOR};"><span style="position:absolute;overflow:hidden;width:1px;height:1px;clip:rect(0 0 0 0);">${escapeHtml(ctx.texts.oldPrice)} </span><s>${old}</s></span>&nbsp; ${price}`;
}

function productColumn(
  ctx: CompileContext,
  product: ProductItemT,
  width: string,
  imageWidth: number,
): string {
  const image = ctx.image(product.imageId, product.alt);
  const href = product.url ? ctx.href(product.url) : undefined;
  const price = priceHtml(ctx, product);
  const parts = [
    image
      ? `<mj-image${attrs({
          src: image.src,
          alt: ctx.html(product.alt),
          width: `${Math.min(image.width, imageWidth)}px`,
          href,
          padding: '8px 12px',
        })} />`
      : '',
    product.name.trim() !== ''
      ? mjText(ctx.html(product.name), {
          'font-size': '17px',
          'font-weight': 'bold',
          color: ctx.settings.colors.heading,
          align: 'center',
          padding: '8px 12px 2px 12px',
        })
      : '',
    price ? mjText(price, { 'font-size': '17px', align: 'center', padding: '2px 12px' }) : '',
    product.text.trim() !== ''
      ? mjText(ctx.html(product.text), { align: 'center', padding: '4px 12px' })
      : '',
    href && product.buttonLabel !== ''
      ? `<mj-button${attrs({
          href,
          'background-color': ctx.settings.colors.accent,
          color: '#ffffff',
          'font-weight': 'bold',
          'border-radius': '4px',
          'inner-padding': '10px 22px',
          padding: '8px 12px 12px 12px',
        })}>${ctx.html(product.buttonLabel)}</mj-button>`
      : '',
  ];
  return `<mj-column${attrs({ width, 'vertical-align': 'top' })}>${parts.join('')}</mj-column>`;
}

function productText(ctx: CompileContext, product: ProductItemT): string {
  const price =
    product.price === null
      ? ''
      : product.oldPrice === null
        ? ctx.texts.price(product.price)
        : `${ctx.texts.oldPrice} ${ctx.texts.price(product.oldPrice)}, ${ctx.texts.price(product.price)}`;
  const link = product.url ? ctx.href(product.url, 'text') : '';
  return [
    ctx.text(product.name).trim(),
    price,
    ctx.text(product.text).trim(),
    link && product.buttonLabel !== '' ? `${ctx.text(product.buttonLabel)}: ${link}` : link,
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Products: image, name, price (with the old one struck through), a short text and a button.
 * One MJML column each, so two or three stand side by side and stack on a phone.
 */
export const productBlock: BlockModule<'product'> = {
  type: 'product',
  schema: ProductData,
  toMjml(data, ctx) {
    const slot = Math.min(data.products.length, 3) - 1;
    const width = COLUMN_WIDTHS[slot] ?? '33.33%';
    const imageWidth = IMAGE_WIDTHS[slot] ?? 170;
    return `<mj-section${attrs({
      'background-color': ctx.settings.colors.content,
      padding: '8px 12px',
    })}>${data.products.map((p) => productColumn(ctx, p, width, imageWidth)).join('')}</mj-section>`;
  },
  toText(data, ctx) {
    return data.products
      .map((p) => productText(ctx, p))
      .filter((t) => t !== '')
      .join('\n\n');
  },
};
