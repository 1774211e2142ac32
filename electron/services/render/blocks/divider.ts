import { DividerData } from '../../../contract/mailingDocument';
import { attrs, section } from './mjml';
import type { BlockModule } from './types';

export const dividerBlock: BlockModule<'divider'> = {
  type: 'divider',
  schema: DividerData,
  toMjml(data, ctx) {
    return section(
      ctx,
      `<mj-divider${attrs({
        'border-color': data.color,
        'border-width': `${data.thickness}px`,
        width: `${data.widthPercent}%`,
        padding: '12px 24px',
      })} />`,
    );
  },
  toText() {
    return '----------------------------------------';
  },
};
