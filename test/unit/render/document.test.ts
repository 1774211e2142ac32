import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../electron/contract/envelope';
import { migrate, newBlock, parseDocument } from '../../../electron/services/render';

function refusal(raw: unknown): DomainError {
  try {
    parseDocument(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('mailing document', () => {
  it('fills every default of a sparse document', () => {
    const doc = parseDocument({ version: 1, blocks: [{ id: 'b', type: 'button' }] });
    expect(doc.settings.width).toBe(600);
    expect(doc.blocks[0]).toMatchObject({
      type: 'button',
      data: { label: 'Bekijk het hier', url: '', align: 'center' },
    });
    expect(newBlock('voucher').data).toMatchObject({ showAmount: true, showBarcode: true });
  });

  it('migrates a version 0 document (fields under props, no settings)', () => {
    const doc = parseDocument({ blocks: [{ type: 'heading', props: { text: 'Oud' } }] });
    expect(doc.version).toBe(1);
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', data: { text: 'Oud' } });
    expect(doc.blocks[0]?.id).toMatch(/.+/);
    expect(migrate({ version: 1, blocks: [] })).toEqual({ version: 1, blocks: [] });
  });

  it('refuses a document from a newer version', () => {
    expect(refusal({ version: 7, blocks: [] }).key).toBe('mailings:errors.documentTooNew');
  });

  it('names block and field of a bad value', () => {
    const error = refusal({
      version: 1,
      blocks: [
        { id: 'a', type: 'text' },
        { id: 'b', type: 'spacer', data: { height: 'groot' } },
      ],
    });
    expect(error.params).toMatchObject({ block: 2, blockType: 'spacer', field: 'height' });
    expect(error.issues?.[0]?.field).toBe('document.blocks.1.data.height');
  });

  it('refuses an unknown block type, a bad colour, a ftp link and duplicate ids', () => {
    expect(refusal({ version: 1, blocks: [{ id: 'a', type: 'video' }] }).params).toMatchObject({
      block: 1,
      field: '',
    });
    expect(
      refusal({ version: 1, blocks: [{ id: 'a', type: 'divider', data: { color: 'red' } }] })
        .params,
    ).toMatchObject({
      field: 'color',
      reason: 'mailings:errors.color',
    });
    expect(
      refusal({ version: 1, blocks: [{ id: 'a', type: 'image', data: { href: 'ftp://x.nl/a' } }] })
        .params,
    ).toMatchObject({
      field: 'href',
      reason: 'mailings:errors.linkScheme',
    });
    expect(
      refusal({
        version: 1,
        blocks: [
          { id: 'a', type: 'spacer' },
          { id: 'a', type: 'spacer' },
        ],
      }).key,
    ).toBe('mailings:errors.invalidBlock');
  });
});
