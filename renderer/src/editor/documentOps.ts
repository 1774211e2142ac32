import type { Block, BlockType, MailingDocument } from '../mailing/mailingTypes';

/** Pure changes to a mailing document; the editor keeps the result and the draft saves it. */

export function newBlockId(): string {
  return crypto.randomUUID();
}

export function insertBlock(doc: MailingDocument, index: number, block: Block): MailingDocument {
  const blocks = [...doc.blocks];
  blocks.splice(Math.max(0, Math.min(index, blocks.length)), 0, block);
  return { ...doc, blocks };
}

export function removeBlock(doc: MailingDocument, id: string): MailingDocument {
  return { ...doc, blocks: doc.blocks.filter((b) => b.id !== id) };
}

/** Moves the block to position `to` (counted in the list without the block). */
export function moveBlock(doc: MailingDocument, id: string, to: number): MailingDocument {
  const from = doc.blocks.findIndex((b) => b.id === id);
  if (from === -1) return doc;
  const blocks = [...doc.blocks];
  const [block] = blocks.splice(from, 1);
  blocks.splice(Math.max(0, Math.min(to, blocks.length)), 0, block!);
  return { ...doc, blocks };
}

export function duplicateBlock(doc: MailingDocument, id: string): MailingDocument {
  const index = doc.blocks.findIndex((b) => b.id === id);
  const original = doc.blocks[index];
  if (!original) return doc;
  const copy = { ...original, id: newBlockId(), data: structuredClone(original.data) } as Block;
  return insertBlock(doc, index + 1, copy);
}

export function updateBlockData<T extends BlockType>(
  doc: MailingDocument,
  id: string,
  patch: Partial<Extract<Block, { type: T }>['data']>,
): MailingDocument {
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.id === id ? ({ ...b, data: { ...b.data, ...patch } } as Block) : b,
    ),
  };
}

/** The layout every block shares (background, space above and below), apart from its data. */
export type BlockStyle = NonNullable<Block['style']>;
export const DEFAULT_BLOCK_STYLE: BlockStyle = {
  backgroundColor: '',
  paddingTop: 0,
  paddingBottom: 0,
};

export function updateBlockStyle(
  doc: MailingDocument,
  id: string,
  patch: Partial<BlockStyle>,
): MailingDocument {
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.id === id ? { ...b, style: { ...DEFAULT_BLOCK_STYLE, ...b.style, ...patch } } : b,
    ),
  };
}
