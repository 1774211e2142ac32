import { ActionIcon, Stack, Tooltip, type ActionIconProps } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconBookmarkPlus,
  IconCopy,
  IconGripVertical,
  IconTrash,
} from '@tabler/icons-react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockActions } from './blockActions';
import { DRAG_TYPE } from './dragType';
import classes from './Canvas.module.css';

/**
 * The bar beside the selected block: drag, move, copy, save as own block, remove. Its own memo so
 * that typing in the block (whose data the draft folds in on saving) does not re-render its
 * tooltips.
 */
export const BlockFrameBar = memo(function BlockFrameBar(props: {
  blockId: string;
  name: string;
  index: number;
  count: number;
  actions: BlockActions;
}) {
  const { t } = useTranslation('editor');
  return (
    <Stack
      gap={2}
      className={classes.frameBar}
      role="toolbar"
      aria-label={t('canvas.blockTools', { name: props.name })}
    >
      <Tooltip label={t('canvas.drag')} position="right">
        <ActionIcon
          variant="subtle"
          className={classes.dragHandle}
          aria-label={t('canvas.drag')}
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, props.blockId);
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
      </Tooltip>
      {tool(t('canvas.moveUp'), <IconArrowUp size={16} />, {
        disabled: props.index === 0,
        onClick: () => props.actions.move(props.blockId, props.index - 1),
      })}
      {tool(t('canvas.moveDown'), <IconArrowDown size={16} />, {
        disabled: props.index === props.count - 1,
        onClick: () => props.actions.move(props.blockId, props.index + 1),
      })}
      {tool(t('canvas.duplicate'), <IconCopy size={16} />, {
        onClick: () => props.actions.duplicate(props.blockId),
      })}
      {tool(t('library:saveBlock.action'), <IconBookmarkPlus size={16} />, {
        onClick: () => props.actions.saveOwn(props.blockId),
      })}
      {tool(t('canvas.remove'), <IconTrash size={16} />, {
        color: 'red',
        onClick: () => props.actions.remove(props.blockId),
      })}
    </Stack>
  );
});

/** One button of the bar, its name as tooltip and accessible name. */
function tool(label: string, icon: ReactNode, props: ActionIconProps & { onClick: () => void }) {
  return (
    <Tooltip label={label} position="right">
      <ActionIcon variant="subtle" aria-label={label} {...props}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
