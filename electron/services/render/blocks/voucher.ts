import { VoucherData } from '../../../contract/mailingDocument';
import { SECONDARY_TEXT_COLOR } from '../../../contract/plain/contrast';
import { escapeHtml } from '../escape';
import { attrs, mjText } from './mjml';
import type { BlockModule } from './types';

/** A fixed sentence around an HTML slot: the sentence is escaped, the slot is left as it is. */
function sentenceHtml(sentence: (value: string) => string, slot: string): string {
  const marker = '\u0000';
  return escapeHtml(sentence(marker)).replace(marker, slot);
}

/**
 * The voucher: amount, points and the barcode the shop scans at the till. The barcode is an
 * inline PNG per recipient (see barcode.ts); its digits stay readable under it for manual entry.
 */
export const voucherBlock: BlockModule<'voucher'> = {
  type: 'voucher',
  schema: VoucherData,
  toMjml(data, ctx) {
    const color = data.color || ctx.settings.colors.accent;
    const parts: string[] = [
      mjText(
        `<div style="font-size:20px;font-weight:bold;line-height:1.3;">${ctx.html(data.title)}</div>`,
        {
          align: 'center',
          padding: '20px 20px 4px 20px',
          color: ctx.settings.colors.heading,
        },
      ),
    ];
    if (data.showAmount) {
      parts.push(
        mjText(`&euro;&nbsp;${ctx.variable('waardebon_bedrag', undefined, 'html')}`, {
          align: 'center',
          'font-size': '40px',
          'font-weight': 'bold',
          'line-height': '1.2',
          color,
          padding: '4px 20px',
        }),
      );
    }
    if (data.showPoints) {
      parts.push(
        mjText(
          sentenceHtml(
            ctx.texts.voucherPoints,
            ctx.variable('waardebon_spaarpunten', undefined, 'html'),
          ),
          {
            align: 'center',
            padding: '0px 20px 8px 20px',
          },
        ),
      );
    }
    if (data.showBarcode) {
      const code = ctx.slots.ref({
        kind: 'var',
        name: 'waardebon_barcode',
        fallback: undefined,
        format: 'html',
      });
      parts.push(
        mjText(
          `${ctx.variable('waardebon_barcode', undefined, 'html')}<div style="font-family:Consolas,Menlo,monospace;font-size:14px;letter-spacing:2px;padding-top:6px;word-break:break-all;">${code}</div>`,
          { align: 'center', padding: '8px 20px' },
        ),
      );
    }
    if (data.showRemainingPoints) {
      parts.push(
        mjText(
          sentenceHtml(
            ctx.texts.remainingPoints,
            ctx.variable('restant_spaarpunten', undefined, 'html'),
          ),
          {
            align: 'center',
            padding: '4px 20px',
          },
        ),
      );
    }
    if (data.terms.trim() !== '') {
      parts.push(
        mjText(ctx.html(data.terms), {
          align: 'center',
          'font-size': '12px',
          color: SECONDARY_TEXT_COLOR,
          padding: '8px 20px 20px 20px',
        }),
      );
    }
    return `<mj-section${attrs({
      'background-color': ctx.settings.colors.content,
      padding: '12px 24px',
    })}><mj-column${attrs({
      border: `2px dashed ${color}`,
      'border-radius': '8px',
      'background-color': '#ffffff',
    })}>${parts.join('')}</mj-column></mj-section>`;
  },
  toText(data, ctx) {
    const lines = [ctx.text(data.title)];
    if (data.showAmount)
      lines.push(
        `${ctx.texts.voucherAmount}: € ${ctx.variable('waardebon_bedrag', undefined, 'text')}`,
      );
    if (data.showPoints)
      lines.push(ctx.texts.voucherPoints(ctx.variable('waardebon_spaarpunten', undefined, 'text')));
    if (data.showBarcode)
      lines.push(
        `${ctx.texts.voucherCode}: ${ctx.variable('waardebon_barcode', undefined, 'text')}`,
      );
    if (data.showRemainingPoints) {
      lines.push(ctx.texts.remainingPoints(ctx.variable('restant_spaarpunten', undefined, 'text')));
    }
    if (data.terms.trim() !== '') lines.push(ctx.text(data.terms));
    return lines.join('\n');
  },
};
