import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, FOCUS_COMMAND } from 'lexical';
import { useEffect } from 'react';

/** Tells the block when the text gets or loses focus (select the block; save on leaving). */
export function FocusPlugin(props: { onFocus?: () => void; onBlur?: () => void }): null {
  const [editor] = useLexicalComposerContext();
  const { onFocus, onBlur } = props;
  useEffect(() => {
    const offBlur = editor.registerCommand(
      BLUR_COMMAND,
      () => {
        onBlur?.();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    const offFocus = editor.registerCommand(
      FOCUS_COMMAND,
      () => {
        onFocus?.();
        return false;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      offBlur();
      offFocus();
    };
  }, [editor, onFocus, onBlur]);
  return null;
}
