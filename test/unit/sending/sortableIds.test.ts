import { describe, expect, it } from 'vitest';
import {
  sortableMessageId,
  sortableRecipientId,
} from '../../../electron/services/sending/sortableIds';

/**
 * A send's ids rise in the order they are made (so their indexes grow at the end) and keep the
 * formats the tracker and mail servers saw before: 12 bytes as base64url, <32 hex digits@domain>.
 */
describe('sortable ids', () => {
  it('rise in the order they are made, each one unique, in the old formats', () => {
    const recipients = Array.from({ length: 2000 }, () => sortableRecipientId());
    const messages = Array.from({ length: 2000 }, () => sortableMessageId('info@winkel.nl'));
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(new Set(messages).size).toBe(messages.length);
    for (const id of recipients) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (const id of messages) expect(id).toMatch(/^<[0-9a-f]{32}@winkel\.nl>$/);
    // The leading six bytes of a recipient id and twelve digits of a Message-ID count up.
    const leading = recipients.map((id) => Buffer.from(id, 'base64url').readUIntBE(0, 6));
    expect(leading.every((order, i) => i === 0 || order > leading[i - 1]!)).toBe(true);
    expect(messages).toEqual([...messages].sort());
    expect(sortableMessageId('zonder-domein')).toMatch(/@winkelpost\.local>$/);
  });
});
