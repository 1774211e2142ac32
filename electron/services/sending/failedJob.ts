import type { ClaimedJob, JobResult } from './jobStore';
import type { PauseReason, SendManagerHooks } from './queuePorts';
import { retryDelay, type RetryPolicy } from './retryPolicy';
import { deliveryOutcome, type SmtpProblem } from './smtpErrors';

export interface FailedJob {
  result: JobResult;
  /** Counts towards the run of failures that pauses a send. */
  countsAsFailure: boolean;
  pause?: PauseReason;
}

/** Turns a delivery error into the job's next state, and maybe a reason to pause the send. */
export function failedJob(
  job: ClaimedJob,
  error: unknown,
  retry: RetryPolicy,
  now: number,
  hooks: Pick<SendManagerHooks, 'hardBounce' | 'softBounce'>,
): FailedJob {
  const outcome = deliveryOutcome(error);
  const { problem } = outcome;
  const detail = problem.detail;
  switch (outcome.action) {
    case 'hardBounce':
      hooks.hardBounce(job.email, detail);
      return {
        result: { id: job.id, state: 'bounced_hard', error: detail },
        countsAsFailure: false,
      };
    case 'softBounce':
      hooks.softBounce(job.email, detail);
      return {
        result: { id: job.id, state: 'bounced_soft', error: detail },
        countsAsFailure: false,
      };
    case 'fail':
      return { result: { id: job.id, state: 'failed', error: detail }, countsAsFailure: true };
    case 'pause':
      // The job itself did nothing wrong: it goes out again right after the resume.
      return {
        result: { id: job.id, state: 'retry', nextAt: now, error: detail },
        countsAsFailure: false,
        pause: { reason: problem.kind, detail },
      };
    case 'retry':
      return { result: retryOrGiveUp(job, problem, retry, now, hooks), countsAsFailure: true };
  }
}

function retryOrGiveUp(
  job: ClaimedJob,
  problem: SmtpProblem,
  retry: RetryPolicy,
  now: number,
  hooks: Pick<SendManagerHooks, 'softBounce'>,
): JobResult {
  const delay = retryDelay(retry, job.attempts);
  if (delay !== null)
    return { id: job.id, state: 'retry', nextAt: now + delay, error: problem.detail };
  if (problem.enhanced?.startsWith('4.2.')) {
    hooks.softBounce(job.email, problem.detail);
    return { id: job.id, state: 'bounced_soft', error: problem.detail };
  }
  return { id: job.id, state: 'failed', error: problem.detail };
}
