import type { TFunction } from 'i18next';
import type { ComponentType, ReactNode } from 'react';
import type { Block, BlockData, BlockType } from '../../mailing/mailingTypes';

export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** A change to a block's data; the function form sees the latest data (nested fields). */
export type BlockChange<T extends BlockType> =
  Partial<BlockData<T>> | ((current: BlockData<T>) => Partial<BlockData<T>>);

export interface BlockEditorProps<T extends BlockType> {
  block: BlockOf<T>;
  selected: boolean;
  readOnly: boolean;
  onChange: (change: BlockChange<T>) => void;
}

export interface BlockSettingsProps<T extends BlockType> {
  block: BlockOf<T>;
  onChange: (change: BlockChange<T>) => void;
}

/** One entry of the renderer's block registry (DESIGN.md: schema from the contract, Editor, Preview). */
export interface BlockDefinition<T extends BlockType> {
  type: T;
  icon: ReactNode;
  /** The data of a new block, in the shopkeeper's language. */
  create: (t: TFunction) => BlockData<T>;
  /** Shows the block as it will look, edited in place. */
  Editor: ComponentType<BlockEditorProps<T>>;
  /** The settings panel; every type has one. */
  Settings: ComponentType<BlockSettingsProps<T>>;
}
