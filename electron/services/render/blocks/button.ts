import { ButtonData } from '../../../contract/mailingDocument';
import { attrs, section } from './mjml';
import type { BlockModule } from './types';

export const buttonBlock: BlockModule<'button'> = {
  type: 'button',
  schema: ButtonData,
  toMjml(data, ctx) {
    return section(
      ctx,
      `<mj-button${attrs({
        href: data.url ? ctx.href(data.url) : undefined,
        align: data.align,
        'background-color': data.color || ctx.settings.colors.accent,
        color: data.textColor,
        'font-size': '16px',
        'font-weight': 'bold',
        'border-radius': '4px',
        'inner-padding': '14px 30px',
        padding: '12px 24px',
      })}>${ctx.html(data.label)}</mj-button>`,
    );
  },
  toText(data, ctx) {
    const label = ctx.text(data.label);
    return data.url ? `${label}: ${ctx.href(data.url, 'text')}` : label;
  },
};
