import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  $insertNodes,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import { $createVariableNode } from '../nodes/VariableNode';

export const INSERT_VARIABLE_COMMAND: LexicalCommand<{ name: string; fallback?: string }> =
  createCommand('INSERT_VARIABLE_COMMAND');

/** Inserts a variable token where the caret is (replacing a selected word). */
export function VariablesPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_VARIABLE_COMMAND,
        ({ name, fallback }) => {
          if (!$getSelection()) return false;
          $insertNodes([$createVariableNode(name, fallback)]);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );
  return null;
}
