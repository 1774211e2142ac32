import { pooledRandomBytes } from '../../../tracker/randomPool';
import { newMessageId } from '../render';
import type { Recipient } from '../selections/recipients';
import type { NewJob } from './jobStore';

/**
 * The recipients as jobs, made one at a time as JobStore.enqueue reads them, so a large send never
 * holds a second copy of its recipient list. The recipient id (what the tracker sees) and the
 * Message-ID are fixed here, at enqueue, so a retry reuses them.
 */
export function* newJobs(recipients: Iterable<Recipient>, senderEmail: string): Generator<NewJob> {
  for (const r of recipients) {
    yield {
      contactId: r.contactId,
      email: r.email,
      normalizedEmail: r.normalizedEmail,
      recipientId: pooledRandomBytes(12).toString('base64url'),
      messageId: newMessageId(senderEmail),
      data: r.data,
    };
  }
}
