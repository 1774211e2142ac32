import type { BlockType } from '../../mailing/mailingTypes';
import type { BlockChange } from '../blocks/types';
import type { BlockStyle } from '../documentOps';

export interface BlockActions {
  select: (id: string) => void;
  move: (id: string, to: number) => void;
  /** Drag and drop: puts the dragged block just above the block it was dropped on. */
  dropBefore: (id: string, targetId: string) => void;
  duplicate: (id: string) => void;
  remove: (id: string) => void;
  change: (id: string, change: BlockChange<BlockType>) => void;
  changeStyle: (id: string, patch: Partial<BlockStyle>) => void;
  /** "Bewaar als Mijn blok", starting from this block. */
  saveOwn: (id: string) => void;
}
