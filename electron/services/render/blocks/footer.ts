import { FooterData } from '../../../contract/mailingDocument';
import type { CompileContext } from '../context';
import { escapeHtml } from '../escape';
import { mjText, section } from './mjml';
import type { BlockModule } from './types';

function addressLines(ctx: CompileContext): string[] {
  const shop = ctx.shop;
  const place = [shop.postalCode, shop.city].filter((p) => p !== '').join(' ');
  const street = [shop.address, place].filter((p) => p !== '').join(', ');
  const contact = [shop.phone, shop.website, shop.email].filter((p) => p !== '').join(' · ');
  return [shop.name, street, contact].filter((line) => line !== '');
}

/** Sender details, why this person gets the mail, and the unsubscribe link: always in a mail. */
export const footerBlock: BlockModule<'footer'> = {
  type: 'footer',
  schema: FooterData,
  toMjml(data, ctx) {
    const lines = data.showAddress ? addressLines(ctx).map(escapeHtml) : [];
    const unsubscribe = ctx.slots.ref({ kind: 'unsubscribeUrl', format: 'html' });
    const html = [
      lines.length > 0 ? `<p style="margin:0 0 8px 0;">${lines.join('<br>')}</p>` : '',
      data.reason.trim() !== '' ? `<p style="margin:0 0 8px 0;">${ctx.html(data.reason)}</p>` : '',
      `<p style="margin:0;"><a href="${unsubscribe}" target="_blank" style="color:${data.textColor};text-decoration:underline;">${escapeHtml(data.unsubscribeLabel)}</a></p>`,
    ].join('');
    return section(
      ctx,
      mjText(html, {
        align: 'center',
        'font-size': '12px',
        'line-height': '1.5',
        color: data.textColor,
        padding: '20px 24px',
      }),
      { background: data.backgroundColor || ctx.settings.colors.background },
    );
  },
  toText(data, ctx) {
    const lines = data.showAddress ? addressLines(ctx) : [];
    if (data.reason.trim() !== '') lines.push(ctx.text(data.reason));
    lines.push(
      `${data.unsubscribeLabel}: ${ctx.slots.ref({ kind: 'unsubscribeUrl', format: 'text' })}`,
    );
    return lines.join('\n');
  },
};
