import type { RichText } from '../../mailing/mailingTypes';

/** A rich text as Lexical's initial editor state; an empty one gets one empty paragraph. */
export function initialEditorState(content: RichText): string {
  const children = content.root.children.length > 0 ? content.root.children : [emptyParagraph()];
  return JSON.stringify({
    root: {
      direction: null,
      format: '',
      indent: 0,
      version: 1,
      ...content.root,
      type: 'root',
      children,
    },
  });
}

function emptyParagraph() {
  return { type: 'paragraph', version: 1, children: [], direction: null, format: '', indent: 0 };
}
