import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { Block, BLOCK_TYPES } from '../../../electron/contract/mailingDocument';
import en from '../../../renderer/src/i18n/locales/en/editor.json';
import nl from '../../../renderer/src/i18n/locales/nl/editor.json';
import { NEW_BLOCK_DATA } from '../../../renderer/src/editor/blocks/newBlockData';

/** A t() over one locale's editor.json, as i18next resolves 'editor:a.b.c'. */
function translatorFor(resources: Record<string, unknown>): TFunction {
  const t = (key: string) => {
    const path = key.replace(/^editor:/, '').split('.');
    let node: unknown = resources;
    for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') throw new Error(`missing translation ${key}`);
    return node;
  };
  return t as unknown as TFunction;
}

/** What the main side makes of a block without data: the contract's defaults. */
const contractDefaults = (type: (typeof BLOCK_TYPES)[number]) =>
  Block.parse({ id: 'b', type }).data;

describe('new blocks in the editor', () => {
  it('covers every block type of the contract, and no other', () => {
    expect(Object.keys(NEW_BLOCK_DATA).sort()).toEqual([...BLOCK_TYPES].sort());
  });

  it.each(BLOCK_TYPES)('a new %s block in Dutch is exactly the contract default', (type) => {
    expect(NEW_BLOCK_DATA[type](translatorFor(nl))).toEqual(contractDefaults(type));
  });

  it.each(BLOCK_TYPES)('a new %s block in English is valid and has the same shape', (type) => {
    const data = NEW_BLOCK_DATA[type](translatorFor(en));
    const parsed = Block.parse({ id: 'b', type, data }).data;
    expect(parsed).toEqual(data);
    expect(Object.keys(data).sort()).toEqual(Object.keys(contractDefaults(type)).sort());
  });
});
