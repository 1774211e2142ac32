import { useMemo } from 'react';
import type { MailingDraft } from '../../mailing/mailingDraft';
import type { Block, BlockType } from '../../mailing/mailingTypes';
import {
  duplicateBlock,
  insertBlock,
  moveBlock,
  removeBlock,
  updateBlockData,
  updateBlockStyle,
} from '../documentOps';
import type { BlockChange } from '../blocks/types';
import type { BlockActions } from './blockActions';

export interface RemovedBlock {
  block: Block;
  index: number;
}

/**
 * The block operations on the draft. Each starts from the draft's current document (with the
 * typed text folded in), so nothing typed is lost by a move or copy. Stable across renders.
 */
export function useBlockActions(
  draft: MailingDraft,
  setSelected: (id: string | null) => void,
  setRemoved: (removed: RemovedBlock | null) => void,
  saveOwn: (id: string) => void,
): BlockActions & {
  insert: (index: number, block: Block) => void;
  insertMany: (index: number, blocks: Block[]) => void;
  restore: (removed: RemovedBlock) => void;
} {
  return useMemo(
    () => ({
      select: (id) => setSelected(id),
      move: (id, to) => draft.setDocument(moveBlock(draft.currentDocument(), id, to)),
      dropBefore: (id, targetId) => {
        const doc = draft.currentDocument();
        const without = doc.blocks.filter((b) => b.id !== id);
        const to = without.findIndex((b) => b.id === targetId);
        if (to !== -1) draft.setDocument(moveBlock(doc, id, to));
      },
      duplicate: (id) => {
        const next = duplicateBlock(draft.currentDocument(), id);
        draft.setDocument(next);
        const index = next.blocks.findIndex((b) => b.id === id);
        setSelected(next.blocks[index + 1]?.id ?? null);
      },
      remove: (id) => {
        const doc = draft.currentDocument();
        const index = doc.blocks.findIndex((b) => b.id === id);
        const block = doc.blocks[index];
        if (!block) return;
        draft.setDocument(removeBlock(doc, id));
        setRemoved({ block, index });
        setSelected(null);
      },
      change: (id, change: BlockChange<BlockType>) => {
        const doc = draft.currentDocument();
        const block = doc.blocks.find((b) => b.id === id);
        if (!block) return;
        const patch = typeof change === 'function' ? change(block.data as never) : change;
        draft.setDocument(updateBlockData(doc, id, patch as never));
      },
      changeStyle: (id, patch) =>
        draft.setDocument(updateBlockStyle(draft.currentDocument(), id, patch)),
      saveOwn,
      insert: (index, block) => {
        draft.setDocument(insertBlock(draft.currentDocument(), index, block));
        setSelected(block.id);
      },
      insertMany: (index, blocks) => {
        let doc = draft.currentDocument();
        blocks.forEach((block, i) => (doc = insertBlock(doc, index + i, block)));
        draft.setDocument(doc);
        setSelected(blocks[0]?.id ?? null);
      },
      restore: ({ block, index }) => {
        draft.setDocument(insertBlock(draft.currentDocument(), index, block));
        setRemoved(null);
        setSelected(block.id);
      },
    }),
    [draft, setSelected, setRemoved, saveOwn],
  );
}
