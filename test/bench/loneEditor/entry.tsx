import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { createRoot } from 'react-dom/client';

/**
 * The floor under the editor bench: one Lexical rich text in React (the same packages as the
 * app) and nothing else, holding the bare field's text. What it costs per key over the bare
 * contenteditable is what any editor built on Lexical in React pays before our page adds anything.
 */
function initialText(): void {
  $getRoot().append($createParagraphNode().append($createTextNode('Tekst ')));
}

createRoot(document.getElementById('lone')!).render(
  <LexicalComposer
    initialConfig={{
      namespace: 'lone-editor',
      editorState: initialText,
      onError: (error: Error) => {
        throw error;
      },
    }}
  >
    <RichTextPlugin
      contentEditable={<ContentEditable id="lone-field" style={{ width: 600 }} />}
      ErrorBoundary={LexicalErrorBoundary}
    />
  </LexicalComposer>,
);
