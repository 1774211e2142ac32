import type { RichText } from '../../mailing/mailingTypes';

/** A rich text with one paragraph of plain text (or none). */
export function richTextOf(text: string): RichText {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          children: text === '' ? [] : [{ type: 'text', version: 1, text, format: 0 }],
        },
      ],
    },
  };
}
