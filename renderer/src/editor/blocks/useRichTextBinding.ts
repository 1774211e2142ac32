import type { EditorState } from 'lexical';
import { useCallback } from 'react';
import { useDraft } from '../../mailing/DraftContext';

/** Wires a text field to the draft: keystrokes only mark it; leaving the text saves. */
export function useRichTextBinding(blockId: string, path: string) {
  const draft = useDraft();
  const onChange = useCallback(
    (state: EditorState) => draft.setRichText(blockId, path, state),
    [draft, blockId, path],
  );
  const onBlur = useCallback(() => void draft.flush(), [draft]);
  return { onChange, onBlur };
}
