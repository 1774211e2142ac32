import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { Box } from '@mantine/core';
import type { EditorState } from 'lexical';
import { memo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText } from '../../mailing/mailingTypes';
import { initialEditorState } from './initialState';
import { isAllowedLinkUrl } from './linkUrl';
import { EDITOR_NODES } from './nodes/editorNodes';
import { FocusPlugin } from './plugins/FocusPlugin';
import { VariablesPlugin } from './plugins/VariablesPlugin';
import { TextToolbar } from './toolbar/TextToolbar';
import classes from './RichTextField.module.css';

export interface RichTextFieldProps {
  /** Read once: afterwards Lexical owns the text and reports changes. */
  initial: RichText;
  label: string;
  readOnly: boolean;
  /** Show the formatting bar (the block is selected). */
  showToolbar: boolean;
  onChange: (state: EditorState) => void;
  onFocus?: () => void;
  onBlur?: () => void;
  style?: CSSProperties;
}

/**
 * A Lexical rich text inside a block, edited in place, with its toolbar above it. Skips
 * re-rendering when only `initial` changed (the draft folds the typed text back into the block
 * on saving, and Lexical already shows it) or when `style` is an equal new object: a re-render
 * here would re-render the whole toolbar on the next keystroke.
 */
export const RichTextField = memo(function RichTextField(props: RichTextFieldProps) {
  const { t } = useTranslation('editor');
  const [config] = useState<InitialConfigType>(() => ({
    namespace: 'winkelpost-text',
    nodes: EDITOR_NODES,
    editable: !props.readOnly,
    editorState: initialEditorState(props.initial),
    theme: {
      paragraph: classes.paragraph,
      link: classes.link,
      list: { ul: classes.list, ol: classes.list, listitem: classes.listItem },
      text: { bold: classes.bold, italic: classes.italic, underline: classes.underline },
    },
    onError: (error) => {
      throw error;
    },
  }));
  return (
    <LexicalComposer initialConfig={config}>
      {props.showToolbar && !props.readOnly && (
        <Box className={classes.toolbar}>
          <TextToolbar />
        </Box>
      )}
      <Box pos="relative" style={props.style}>
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className={classes.content}
              aria-label={props.label}
              aria-placeholder={t('text.placeholder')}
              placeholder={<div className={classes.placeholder}>{t('text.placeholder')}</div>}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </Box>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isAllowedLinkUrl} />
      <VariablesPlugin />
      <OnChangePlugin ignoreSelectionChange onChange={props.onChange} />
      <FocusPlugin onFocus={props.onFocus} onBlur={props.onBlur} />
    </LexicalComposer>
  );
}, sameFieldProps);

function sameFieldProps(a: RichTextFieldProps, b: RichTextFieldProps): boolean {
  return (
    a.label === b.label &&
    a.readOnly === b.readOnly &&
    a.showToolbar === b.showToolbar &&
    a.onChange === b.onChange &&
    a.onFocus === b.onFocus &&
    a.onBlur === b.onBlur &&
    sameStyle(a.style, b.style)
  );
}

function sameStyle(a: CSSProperties | undefined, b: CSSProperties | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof CSSProperties)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
