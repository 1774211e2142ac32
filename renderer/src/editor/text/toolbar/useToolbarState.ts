import { $isLinkNode } from '@lexical/link';
import { $isListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelectionStyleValueForProperty } from '@lexical/selection';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
} from 'lexical';
import { useEffect, useState } from 'react';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: string | null;
  list: 'bullet' | 'number' | null;
  align: 'left' | 'center' | 'right';
  color: string;
  fontSize: string;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  link: null,
  list: null,
  align: 'left',
  color: '',
  fontSize: '',
  canUndo: false,
  canRedo: false,
};

/** What the buttons show as active, read from the selection after each update. */
export function useToolbarState(): ToolbarState {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const anchor = selection.anchor.getNode();
            const block = $findMatchingParent(anchor, (n) => $isElementNode(n) && !n.isInline());
            const list = $findMatchingParent(anchor, $isListNode);
            const link = $findMatchingParent(anchor, $isLinkNode);
            const format = block && $isElementNode(block) ? block.getFormatType() : '';
            const next = {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              underline: selection.hasFormat('underline'),
              link: link && $isLinkNode(link) ? link.getURL() : null,
              list:
                list && $isListNode(list)
                  ? list.getListType() === 'number'
                    ? 'number'
                    : 'bullet'
                  : null,
              align: format === 'center' || format === 'right' ? format : 'left',
              color: $getSelectionStyleValueForProperty(selection, 'color', ''),
              fontSize: $getSelectionStyleValueForProperty(selection, 'font-size', ''),
            } as const;
            setState((prev) => {
              const merged = { ...prev, ...next };
              return (Object.keys(next) as (keyof typeof next)[]).every((k) => prev[k] === next[k])
                ? prev
                : merged;
            });
          });
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((prev) => (prev.canUndo === canUndo ? prev : { ...prev, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((prev) => (prev.canRedo === canRedo ? prev : { ...prev, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return state;
}
