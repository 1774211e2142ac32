import { pooledRandomBytes } from '../../../tracker/randomPool';

/**
 * Ids that follow one another in the order they are made, then random bytes: a send's 100,000
 * recipient ids and Message-IDs land at the end of their indexes (send_jobs_recipient_idx,
 * send_jobs_message_id_idx) instead of on a random page each. Fully random ids made every chunk
 * of jobs rewrite hundreds of index pages, which cost two thirds of send.start. Each id still
 * carries as many random bits as the leading part does not take, and the leading part is unique
 * within this process and rises across restarts (it starts from the clock).
 */
let last = 0;

/** 48 bits: hundredths of milliseconds since 1970, moved on by one where ids come faster. */
function nextOrder(): number {
  return reserveOrders(1);
}

/**
 * The leading parts of `count` ids at once: the first is returned, the next count − 1 are the
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

const idBytes = Buffer.alloc(12);

/** 12 bytes as base64url (16 characters), as before: 6 ordered, 6 random. */
export function sortableRecipientId(): string {
  idBytes.writeUIntBE(nextOrder(), 0, 6);
  pooledRandomBytes(6).copy(idBytes, 6);
  return idBytes.toString('base64url');
}

/** `<32 hex digits@sender's domain>` as newMessageId makes it: 12 ordered digits, 20 random. */
export function sortableMessageId(senderEmail: string): string {
  const order = nextOrder().toString(16).padStart(12, '0');
  return `<${order}${pooledRandomBytes(10).toString('hex')}@${messageIdDomain(senderEmail)}>`;
}
