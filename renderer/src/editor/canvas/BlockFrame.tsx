import { memo, useState, type ComponentType, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, BlockType } from '../../mailing/mailingTypes';
import { BLOCKS } from '../blocks/registry';
import type { BlockEditorProps } from '../blocks/types';
import type { BlockActions } from './blockActions';
import { BlockFrameBar } from './BlockFrameBar';
import { DRAG_TYPE } from './dragType';
import classes from './Canvas.module.css';

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
        <BlockFrameBar
          blockId={block.id}
          name={name}
          index={index}
          count={props.count}
          actions={actions}
        />
      )}
    </div>
  );
});
