import { TextData } from '../../../contract/mailingDocument';
import { richTextToHtml, richTextToText } from '../lexical';
import { mjText, section } from './mjml';
import type { BlockModule } from './types';

/** "Tekst over de hele breedte": Lexical's state as e-mail-safe HTML. */
export const textBlock: BlockModule<'text'> = {
  type: 'text',
  schema: TextData,
  toMjml(data, ctx) {
    const html = richTextToHtml(ctx, data.content);
    if (html === '') return '';
    return section(ctx, mjText(html, { padding: `${data.paddingY}px 24px` }));
  },
  toText(data, ctx) {
    return richTextToText(ctx, data.content);
  },
};
