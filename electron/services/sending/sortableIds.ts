import { randomFillSync } from 'node:crypto';

/**
 * Ids that follow one another in the order they are made, then random bytes: a send's 100,000
 * recipient ids and Message-IDs land at the end of their indexes (send_jobs_recipient_idx,
 * send_jobs_message_id_idx) instead of on a random page each. Fully random ids made every chunk
 * of jobs rewrite hundreds of index pages, which cost two thirds of send.start. Each id still
 * carries as many random bits as the leading part does not take, and the leading part is unique
 * within this process and rises across restarts (it starts from the clock).
 */
let last = 0;

/**
 * The leading parts (48 bits: hundredths of milliseconds since 1970, moved on by one where ids
 * come faster) of `count` ids at once: the first is returned, the next count − 1 are the
 * ones after it, and no other id made in this process gets any of them (newJobsStore.ts makes
 * a statement's Message-IDs from such a block inside SQLite).
 */
export function reserveOrders(count: number): number {
  const first = Math.max(last + 1, Date.now() * 100);
  last = first + count - 1;
  return first;
}

/** The part of a Message-ID after the @: the sender's domain. */
export function messageIdDomain(senderEmail: string): string {
  return senderEmail.split('@')[1] || 'winkelpost.local';
}

/** A recipient id: 12 bytes as base64url, 16 characters. */
export const RECIPIENT_ID_LENGTH = 16;

/**
 * `count` recipient ids with the ordered parts first … first + count − 1 (reserveOrders), one
 * after the other as ASCII bytes, RECIPIENT_ID_LENGTH each: 12 bytes per id encode to exactly
 * 16 base64url characters, so the ids of a whole block are one encoding. newJobsStore.ts binds
 * the block to its statement and SQLite cuts each job's id out of it.
 */
export function recipientIdsFrom(first: number, count: number): Buffer {
  const bytes = randomFillSync(Buffer.allocUnsafe(12 * count));
  for (let i = 0; i < count; i += 1) bytes.writeUIntBE(first + i, i * 12, 6);
  return Buffer.from(bytes.toString('base64url'), 'latin1');
}
