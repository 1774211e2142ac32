import { LogoData } from '../../../contract/mailingDocument';
import { escapeHtml } from '../escape';
import { attrs, mjText, section } from './mjml';
import type { BlockModule } from './types';

/** The shop's logo; without an image the shop's name stands in, so the top is never empty. */
export const logoBlock: BlockModule<'logo'> = {
  type: 'logo',
  schema: LogoData,
  toMjml(data, ctx) {
    const background = data.backgroundColor || ctx.settings.colors.content;
    const image = ctx.image(data.imageId, data.alt);
    if (image) {
      return section(
        ctx,
        `<mj-image${attrs({
          src: image.src,
          alt: ctx.html(data.alt),
          width: `${Math.min(data.width, image.width)}px`,
          align: data.align,
          href: data.href ? ctx.href(data.href) : undefined,
          padding: '20px 24px',
          // The colour travels with the image cell: a client darkening the page keeps the logo's.
          'container-background-color': background,
        })} />`,
        { background },
      );
    }
    if (ctx.shop.name === '') return '';
    return section(
      ctx,
      mjText(`<strong>${escapeHtml(ctx.shop.name)}</strong>`, {
        align: data.align,
        'font-size': '26px',
        'line-height': '1.2',
        color: ctx.settings.colors.heading,
        padding: '24px 24px',
      }),
      { background },
    );
  },
  toText(data, ctx) {
    return ctx.shop.name;
  },
};
