import { HeadingData } from '../../../contract/mailingDocument';
import { mjText, section } from './mjml';
import type { BlockModule } from './types';

const SIZES = { h1: 28, h2: 22, h3: 18 } as const;

export const headingBlock: BlockModule<'heading'> = {
  type: 'heading',
  schema: HeadingData,
  toMjml(data, ctx) {
    const size = SIZES[data.level];
    const color = data.color || ctx.settings.colors.heading;
    return section(
      ctx,
      mjText(
        `<${data.level} style="margin:0;font-size:${size}px;line-height:1.25;font-weight:bold;color:${color};">${ctx.html(data.text)}</${data.level}>`,
        { align: data.align, padding: '16px 24px 8px 24px' },
      ),
    );
  },
  toText(data, ctx) {
    const text = ctx.text(data.text);
    return data.level === 'h1' ? `${text}\n${'='.repeat(Math.min(text.length, 60))}` : text;
  },
};
