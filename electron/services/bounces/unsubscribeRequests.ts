import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SuppressionStore } from '../suppression/suppressionStore';
import type { BounceStore } from './bounceStore';

/**
 * Unsubscribing by mail (the mailto: of List-Unsubscribe): each mail names its own address in the
 * bounce mailbox, `bounces+u<jobId>-<tag>@shop.nl`, which the bounce poller reads. The tag is an
 * HMAC of the job id with the VERP secret under a label of its own, so neither a bounce address
 * nor a guessed one can unsubscribe somebody else.
 */
const TAG_LENGTH = 10;
const REQUEST_ADDRESS = /[a-z0-9!#$%&'*/=?^_`{|}~.-]+\+u(\d{1,15})-([0-9a-f]{10})@[a-z0-9.-]+/gi;
/** Only where the message was addressed counts: a bounce quotes our headers in its body. */
const ADDRESS_FIELDS = /^(to|cc|delivered-to|x-original-to|envelope-to|x-envelope-to):/i;

function tagFor(jobId: number, secret: Buffer): string {
  return createHmac('sha256', secret)
    .update(`unsubscribe:${jobId}`)
    .digest('hex')
    .slice(0, TAG_LENGTH);
}

/** `bounces@shop.nl` + job 123 → `bounces+u123-1a2b3c4d5e@shop.nl`. */
export function unsubscribeAddressFor(mailbox: string, jobId: number, secret: Buffer): string {
  const at = mailbox.lastIndexOf('@');
  if (at <= 0 || !Number.isSafeInteger(jobId) || jobId < 0)
    throw new Error(`Cannot make an unsubscribe address from ${mailbox} and job ${jobId}`);
  return `${mailbox.slice(0, at)}+u${jobId}-${tagFor(jobId, secret)}@${mailbox.slice(at + 1)}`;
}

/** The job of the first unsubscribe address in the message's own address fields that checks out. */
export function unsubscribeRequestJob(source: Buffer, secret: Buffer): number | null {
  const text = source.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const fields = (end < 0 ? text : text.slice(0, end)).split(/\r?\n(?![ \t])/);
  for (const field of fields) {
    if (!ADDRESS_FIELDS.test(field)) continue;
    for (const match of field.matchAll(REQUEST_ADDRESS)) {
      const jobId = Number(match[1]);
      const given = Buffer.from(match[2]!.toLowerCase());
      const expected = Buffer.from(tagFor(jobId, secret));
      if (given.length === expected.length && timingSafeEqual(given, expected)) return jobId;
    }
  }
  return null;
}

/** What the bounce poller calls first for each message it reads. */
export class UnsubscribeRequests {
  constructor(
    private readonly jobs: Pick<BounceStore, 'jobById'>,
    private readonly suppression: Pick<SuppressionStore, 'suppress'>,
    private readonly secret: () => Buffer,
  ) {}

  /**
   * True when the message is an unsubscribe request (then dealt with: the address is suppressed
   * as unsubscribed; again for a repeated request, which changes nothing).
   */
  handle(source: Buffer): boolean {
    const jobId = unsubscribeRequestJob(source, this.secret());
    if (jobId === null) return false;
    const job = this.jobs.jobById(jobId);
    // A job removed since (retention) leaves nobody to unsubscribe; the request is still done.
    if (job) this.suppression.suppress(job.email, 'unsubscribed', 'mail', job.mailingId);
    return true;
  }
}
