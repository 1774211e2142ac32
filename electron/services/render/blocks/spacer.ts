import { SpacerData } from '../../../contract/mailingDocument';
import { section } from './mjml';
import type { BlockModule } from './types';

export const spacerBlock: BlockModule<'spacer'> = {
  type: 'spacer',
  schema: SpacerData,
  toMjml(data, ctx) {
    return section(ctx, `<mj-spacer height="${data.height}px" />`);
  },
  toText() {
    return '';
  },
};
