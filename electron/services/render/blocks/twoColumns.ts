import { TwoColumnsData } from '../../../contract/mailingDocument';
import { columnMjml, columnText } from './column';
import { attrs } from './mjml';
import type { BlockModule } from './types';

export const twoColumnsBlock: BlockModule<'twoColumns'> = {
  type: 'twoColumns',
  schema: TwoColumnsData,
  toMjml(data, ctx) {
    return `<mj-section${attrs({
      'background-color': ctx.settings.colors.content,
      padding: '8px 12px',
    })}>${columnMjml(ctx, data.left, '50%')}${columnMjml(ctx, data.right, '50%')}</mj-section>`;
  },
  toText(data, ctx) {
    return [columnText(ctx, data.left), columnText(ctx, data.right)]
      .filter((t) => t !== '')
      .join('\n\n');
  },
};
