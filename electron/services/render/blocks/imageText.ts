import { ImageTextData } from '../../../contract/mailingDocument';
import { columnMjml, columnText } from './column';
import { attrs } from './mjml';
import type { BlockModule } from './types';

/** Image and text side by side on a desktop, stacked (image first) on a phone. */
export const imageTextBlock: BlockModule<'imageText'> = {
  type: 'imageText',
  schema: ImageTextData,
  toMjml(data, ctx) {
    if (!ctx.images.has(data.imageId)) {
      // No picture (yet): the text takes the whole width instead of leaving half the row empty.
      if (data.imageId !== '') ctx.image(data.imageId, data.alt); // reports the missing image
      const whole = columnMjml(ctx, { ...data, imageId: '' }, '100%');
      return `<mj-section${attrs({ 'background-color': ctx.settings.colors.content, padding: '8px 12px' })}>${whole}</mj-section>`;
    }
    const image = columnMjml(
      ctx,
      { ...data, content: { root: { type: 'root', children: [] } } },
      '50%',
    );
    const text = columnMjml(ctx, { imageId: '', alt: '', href: '', content: data.content }, '50%');
    // rtl keeps the image first when the columns stack on a phone, whichever side it is on.
    const imageRight = data.imagePosition === 'right';
    return `<mj-section${attrs({
      'background-color': ctx.settings.colors.content,
      padding: '8px 12px',
      direction: imageRight ? 'rtl' : undefined,
    })}>${image}${text}</mj-section>`;
  },
  toText(data, ctx) {
    return columnText(ctx, { ...data });
  },
};
