import type { SendStatusT } from '../../contract/sending';
import type { JobStore } from './jobStore';
import type { SendRow } from './sendStore';

export function parseSkipped(json: string): SendStatusT['skipped'] {
  try {
    const value = JSON.parse(json) as Partial<SendStatusT['skipped']>;
    return {
      duplicates: value.duplicates ?? 0,
      suppressed: value.suppressed ?? 0,
      recentlyMailed: value.recentlyMailed ?? 0,
    };
  } catch {
    return { duplicates: 0, suppressed: 0, recentlyMailed: 0 };
  }
}

/** A sends row and its job counts as the renderer sees them. */
export function sendStatus(
  row: SendRow,
  jobs: JobStore,
  subject: string,
  now: number,
  estimateMs: (remaining: number) => number,
  webVersion: SendStatusT['webVersion'],
): SendStatusT {
  const c = jobs.counts(row.id);
  const remaining = c.queued + c.retry + c.sending;
  const expectedEndAt =
    row.state === 'running'
      ? now + estimateMs(remaining)
      : row.state === 'scheduled' && row.scheduledAt !== null
        ? row.scheduledAt + estimateMs(remaining)
        : null;
  return {
    sendId: row.id,
    mailingId: row.mailingId,
    subject,
    state: row.state,
    pauseReason: row.pauseReason === null ? null : `sending:pause.${row.pauseReason}`,
    pauseDetail: row.pauseDetail,
    scheduledAt: row.scheduledAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    startedLateAt: row.startedLateAt,
    recipients: row.recipients,
    queued: c.queued,
    sending: c.sending,
    retry: c.retry,
    sent: c.sent,
    failed: c.failed,
    bounced: c.bounced_hard + c.bounced_soft,
    suppressed: c.suppressed,
    uncertain: c.uncertain,
    skipped: parseSkipped(row.skipped),
    credits: {
      perMail: row.creditsPerMail,
      reserved: row.creditsReserved,
      committed: row.creditsCommitted,
    },
    expectedEndAt,
    webVersion,
  };
}
