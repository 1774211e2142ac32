import {
  $applyNodeReplacement,
  $getNodeByKey,
  DecoratorNode,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';
import { VariableChip } from './VariableChip';

/** The JSON the main side's renderer reads (electron/services/render/lexical.ts). */
export type SerializedVariableNode = Spread<
  { type: 'variable'; version: 1; name: string; fallback?: string },
  SerializedLexicalNode
>;

/**
 * A [[name]] token inside text. One decorator node, so the caret steps over it and Backspace or
 * Delete removes it whole: a half-deleted "[[voorna" cannot happen.
 */
export class VariableNode extends DecoratorNode<JSX.Element> {
  __name: string;
  __fallback: string | undefined;

  static override getType(): string {
    return 'variable';
  }

  static override clone(node: VariableNode): VariableNode {
    return new VariableNode(node.__name, node.__fallback, node.__key);
  }

  static override importJSON(json: SerializedVariableNode): VariableNode {
    return $createVariableNode(json.name, json.fallback);
  }

  constructor(name: string, fallback?: string, key?: NodeKey) {
    super(key);
    this.__name = name;
    this.__fallback = fallback;
  }

  override exportJSON(): SerializedVariableNode {
    return {
      type: 'variable',
      version: 1,
      name: this.__name,
      ...(this.__fallback ? { fallback: this.__fallback } : {}),
    };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.dataset.variable = this.__name;
    return span;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): boolean {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  /** Copy, paste as text and character counts see the token as the shopkeeper writes it. */
  override getTextContent(): string {
    return this.__fallback ? `[[${this.__name}|${this.__fallback}]]` : `[[${this.__name}]]`;
  }

  getName(): string {
    return this.getLatest().__name;
  }

  /** The text shown when the customer's value is empty ('' for none). */
  setFallback(fallback: string): this {
    const writable = this.getWritable();
    writable.__fallback = fallback.trim() === '' ? undefined : fallback.trim();
    return writable;
  }

  override decorate(): JSX.Element {
    return (
      <VariableChip
        name={this.__name}
        fallback={this.__fallback}
        nodeKey={this.__key}
        $setFallback={$setVariableFallback}
      />
    );
  }
}

export function $createVariableNode(name: string, fallback?: string): VariableNode {
  return $applyNodeReplacement(new VariableNode(name, fallback));
}

export function $isVariableNode(node: LexicalNode | null | undefined): node is VariableNode {
  return node instanceof VariableNode;
}

/** Inside editor.update: gives the variable with this key a new fallback text. */
export function $setVariableFallback(nodeKey: string, fallback: string): void {
  const node = $getNodeByKey(nodeKey);
  if ($isVariableNode(node)) node.setFallback(fallback);
}
