import type { BounceStore, MatchedJob } from './bounceStore';

export type { MatchedJob } from './bounceStore';

export type MatchedBy = 'verp' | 'message_id' | 'recipient';

/**
 * Finds the send job a bounce is about: the VERP job id (signed, so trusted), else the bounced
 * mail's Message-ID, else the newest job that went to the reported address.
 */
export class JobMatcher {
  constructor(
    private readonly jobs: Pick<BounceStore, 'jobById' | 'jobByMessageId' | 'jobByRecipient'>,
  ) {}

  match(
    verpJobId: number | null,
    messageId: string | null,
    recipient: string | null,
  ): { job: MatchedJob; by: MatchedBy } | null {
    if (verpJobId !== null) {
      const job = this.jobs.jobById(verpJobId);
      if (job) return { job, by: 'verp' };
    }
    if (messageId) {
      const bare = messageId.replace(/^<|>$/g, '');
      const job = this.jobs.jobByMessageId(`<${bare}>`, bare);
      if (job) return { job, by: 'message_id' };
    }
    if (recipient) {
      const job = this.jobs.jobByRecipient(recipient.trim().toLowerCase());
      if (job) return { job, by: 'recipient' };
    }
    return null;
  }
}
