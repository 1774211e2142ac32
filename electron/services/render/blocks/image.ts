import { ImageData } from '../../../contract/mailingDocument';
import { attrs, section } from './mjml';
import type { BlockModule } from './types';

/** "Afbeelding over de hele breedte": never wider than the image itself (no blurry upscaling). */
export const imageBlock: BlockModule<'image'> = {
  type: 'image',
  schema: ImageData,
  toMjml(data, ctx) {
    const image = ctx.image(data.imageId, data.alt);
    if (!image) return '';
    return section(
      ctx,
      `<mj-image${attrs({
        src: image.src,
        alt: ctx.html(data.alt),
        width: `${image.width}px`,
        href: data.href ? ctx.href(data.href) : undefined,
        padding: data.fullBleed ? '0px' : '8px 24px',
      })} />`,
    );
  },
  toText(data, ctx) {
    if (!data.href) return '';
    const alt = ctx.text(data.alt);
    return alt ? `${alt}: ${ctx.href(data.href, 'text')}` : ctx.href(data.href, 'text');
  },
};
