import { ActionIcon, Stack, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconBookmarkPlus,
  IconCopy,
  IconGripVertical,
  IconTrash,
} from '@tabler/icons-react';
import { memo, useState, type ComponentType, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockType } from '../../mailing/mailingTypes';
import { BLOCKS } from '../blocks/registry';
import type { BlockChange, BlockEditorProps } from '../blocks/types';
import type { BlockStyle } from '../documentOps';
import classes from './Canvas.module.css';

export const DRAG_TYPE = 'application/x-winkelpost-block';

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

/**
 * One block in the mail: click or focus selects it; the bar beside it moves (buttons or drag),
 * copies and removes it. The block's own Editor shows and edits it in place.
 */
export const BlockFrame = memo(function BlockFrame(props: {
  block: Block;
  index: number;
  count: number;
  selected: boolean;
  readOnly: boolean;
  actions: BlockActions;
}) {
  const { t } = useTranslation('editor');
  const { block, index, actions } = props;
  const [dropTarget, setDropTarget] = useState(false);
  const Editor = BLOCKS[block.type].Editor as ComponentType<BlockEditorProps<BlockType>>;
  const name = t(`blocks.${block.type}.name`);

  const onDrop = (event: DragEvent) => {
    setDropTarget(false);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    if (!id || id === block.id) return;
    event.preventDefault();
    actions.dropBefore(id, block.id);
  };

  return (
    <div
      className={classes.frame}
      data-selected={props.selected || undefined}
      data-drop-target={dropTarget || undefined}
      data-testid="block"
      data-block-type={block.type}
      data-block-id={block.id}
      id={`block-${block.id}`}
      role="group"
      aria-label={t('canvas.blockLabel', { number: index + 1, name })}
      tabIndex={0}
      onFocusCapture={() => actions.select(block.id)}
      onClick={() => actions.select(block.id)}
      onDragOver={(e) => {
        if (props.readOnly || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div
        data-testid="block-layout"
        style={{
          backgroundColor: block.style?.backgroundColor || undefined,
          paddingTop: block.style?.paddingTop || undefined,
          paddingBottom: block.style?.paddingBottom || undefined,
        }}
      >
        <Editor
          block={block}
          selected={props.selected}
          readOnly={props.readOnly}
          onChange={(change) => actions.change(block.id, change)}
        />
      </div>
      {props.selected && !props.readOnly && (
        <Stack
          gap={2}
          className={classes.frameBar}
          role="toolbar"
          aria-label={t('canvas.blockTools', { name })}
        >
          <Tooltip label={t('canvas.drag')} position="right">
            <ActionIcon
              variant="subtle"
              className={classes.dragHandle}
              aria-label={t('canvas.drag')}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(DRAG_TYPE, block.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <IconGripVertical size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('canvas.moveUp')} position="right">
            <ActionIcon
              variant="subtle"
              aria-label={t('canvas.moveUp')}
              disabled={index === 0}
              onClick={() => actions.move(block.id, index - 1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('canvas.moveDown')} position="right">
            <ActionIcon
              variant="subtle"
              aria-label={t('canvas.moveDown')}
              disabled={index === props.count - 1}
              onClick={() => actions.move(block.id, index + 1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('canvas.duplicate')} position="right">
            <ActionIcon
              variant="subtle"
              aria-label={t('canvas.duplicate')}
              onClick={() => actions.duplicate(block.id)}
            >
              <IconCopy size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('library:saveBlock.action')} position="right">
            <ActionIcon
              variant="subtle"
              aria-label={t('library:saveBlock.action')}
              onClick={() => actions.saveOwn(block.id)}
            >
              <IconBookmarkPlus size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('canvas.remove')} position="right">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('canvas.remove')}
              onClick={() => actions.remove(block.id)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Stack>
      )}
    </div>
  );
});
