import { QrCodeData } from '../../../contract/mailingDocument';
import { attrs, mjText, section } from './mjml';
import type { BlockModule } from './types';

/**
 * A QR code for a link, with the link written under it for readers without a camera. The code
 * holds the link itself (one image for every recipient); the written link is tracked like any
 * other. A link the code cannot hold renders nothing: the checklist stops the mailing first.
 */
export const qrCodeBlock: BlockModule<'qrCode'> = {
  type: 'qrCode',
  schema: QrCodeData,
  toMjml(data, ctx) {
    const image = ctx.qrCode(data.url);
    if (!image) return '';
    const link = ctx.href(data.url);
    const parts = [
      `<mj-image${attrs({
        src: image.src,
        alt: ctx.html(data.caption.trim() || data.url),
        width: `${data.size}px`,
        href: link,
        padding: '12px 24px 4px 24px',
      })} />`,
      data.caption.trim() !== ''
        ? mjText(ctx.html(data.caption), { align: 'center', padding: '4px 24px' })
        : '',
      data.showLink
        ? mjText(
            `<a href="${link}" style="color:${ctx.settings.colors.link};word-break:break-all;">${ctx.html(data.url.trim())}</a>`,
            { align: 'center', 'font-size': '13px', padding: '0px 24px 12px 24px' },
          )
        : '',
    ];
    return section(ctx, parts.join(''));
  },
  toText(data, ctx) {
    if (!ctx.qrCodes.has(data.url.trim())) return '';
    const caption = ctx.text(data.caption).trim();
    const link = ctx.href(data.url, 'text');
    return caption ? `${caption}: ${link}` : link;
  },
};
