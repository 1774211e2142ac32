import { randomBytes } from 'node:crypto';

/**
 * Test mails are tracked like real ones (links, pixel, web version, one-click unsubscribe) under a
 * recipient id of their own, so their opens and clicks can be told apart and never count.
 */
const TEST_PREFIX = 'test-';

export function newTestRecipientId(): string {
  return `${TEST_PREFIX}${randomBytes(8).toString('hex')}`;
}

export function isTestRecipient(recipientId: string | null | undefined): boolean {
  return typeof recipientId === 'string' && recipientId.startsWith(TEST_PREFIX);
}
