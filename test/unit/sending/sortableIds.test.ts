import { describe, expect, it } from 'vitest';
import {
  messageIdDomain,
  recipientIdsFrom,
  RECIPIENT_ID_LENGTH,
  reserveOrders,
} from '../../../electron/services/sending/sortableIds';

/**
 * A send's ids rise in the order they are made (so their indexes grow at the end) and keep the
 * formats the tracker and mail servers saw before: 12 bytes as base64url, <32 hex digits@domain>.
 */
describe('sortable ids', () => {
  it('reserves blocks of leading parts that rise and never overlap', () => {
    const blocks = Array.from({ length: 200 }, (_, i) => ({
      count: 1 + (i % 7),
      first: 0,
    }));
    for (const block of blocks) block.first = reserveOrders(block.count);
    for (let i = 1; i < blocks.length; i += 1) {
      const previous = blocks[i - 1]!;
      expect(blocks[i]!.first).toBeGreaterThanOrEqual(previous.first + previous.count);
    }
  });

  it('makes a block of 16-character recipient ids whose leading six bytes count up', () => {
    const first = reserveOrders(1000);
    const text = recipientIdsFrom(first, 1000).toString('latin1');
    expect(text).toHaveLength(1000 * RECIPIENT_ID_LENGTH);
    const ids = Array.from({ length: 1000 }, (_, i) =>
      text.slice(i * RECIPIENT_ID_LENGTH, (i + 1) * RECIPIENT_ID_LENGTH),
    );
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const leading = ids.map((id) => Buffer.from(id, 'base64url').readUIntBE(0, 6));
    expect(leading).toEqual(ids.map((_, i) => first + i));
  });

  it('takes a Message-ID’s domain from the sender, with a fallback for an address without one', () => {
    expect(messageIdDomain('info@winkel.nl')).toBe('winkel.nl');
    expect(messageIdDomain('zonder-domein')).toBe('winkelpost.local');
  });
});
