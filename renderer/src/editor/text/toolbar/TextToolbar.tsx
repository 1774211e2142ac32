import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ActionIcon, Divider, Group, Tooltip } from '@mantine/core';
import {
  IconAlignCenter,
  IconAlignLeft,
  IconAlignRight,
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconItalic,
  IconList,
  IconListNumbers,
  IconUnderline,
} from '@tabler/icons-react';
import { FORMAT_ELEMENT_COMMAND, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from './LinkButton';
import { TextStyleControls } from './TextStyleControls';
import { useToolbarState } from './useToolbarState';
import { VariablesMenu } from './VariablesMenu';

/** The bar above a text being edited. Buttons only dispatch commands; plugins do the work. */
export function TextToolbar() {
  const { t } = useTranslation('editor');
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState();
  const button = (
    label: string,
    icon: ReactNode,
    onClick: () => void,
    active = false,
    disabled = false,
  ) => (
    <Tooltip label={label} key={label}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        // Keep the text selection: the click must not move focus out of the editor first.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Group
      gap={4}
      wrap="wrap"
      role="toolbar"
      aria-label={t('toolbar.label')}
      data-testid="text-toolbar"
    >
      {button(
        t('toolbar.undo'),
        <IconArrowBackUp size={18} />,
        () => editor.dispatchCommand(UNDO_COMMAND, undefined),
        false,
        !state.canUndo,
      )}
      {button(
        t('toolbar.redo'),
        <IconArrowForwardUp size={18} />,
        () => editor.dispatchCommand(REDO_COMMAND, undefined),
        false,
        !state.canRedo,
      )}
      <Divider orientation="vertical" />
      {button(
        t('toolbar.bold'),
        <IconBold size={18} />,
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
        state.bold,
      )}
      {button(
        t('toolbar.italic'),
        <IconItalic size={18} />,
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
        state.italic,
      )}
      {button(
        t('toolbar.underline'),
        <IconUnderline size={18} />,
        () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'),
        state.underline,
      )}
      <LinkButton current={state.link} />
      <TextStyleControls color={state.color} fontSize={state.fontSize} />
      <Divider orientation="vertical" />
      {button(
        t('toolbar.alignLeft'),
        <IconAlignLeft size={18} />,
        () => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, 'left'),
        state.align === 'left',
      )}
      {button(
        t('toolbar.alignCenter'),
        <IconAlignCenter size={18} />,
        () => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, 'center'),
        state.align === 'center',
      )}
      {button(
        t('toolbar.alignRight'),
        <IconAlignRight size={18} />,
        () => editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, 'right'),
        state.align === 'right',
      )}
      <Divider orientation="vertical" />
      {button(
        t('toolbar.bulletList'),
        <IconList size={18} />,
        () =>
          editor.dispatchCommand(
            state.list === 'bullet' ? REMOVE_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND,
            undefined,
          ),
        state.list === 'bullet',
      )}
      {button(
        t('toolbar.numberedList'),
        <IconListNumbers size={18} />,
        () =>
          editor.dispatchCommand(
            state.list === 'number' ? REMOVE_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
            undefined,
          ),
        state.list === 'number',
      )}
      <Divider orientation="vertical" />
      <VariablesMenu />
    </Group>
  );
}
