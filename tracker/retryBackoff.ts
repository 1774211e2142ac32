/**
 * How long the event buffer waits before trying a store that refused its last write: doubling
 * from `firstDelayMs` up to `maxDelayMs`, so an outage costs a few attempts a minute instead of
 * one (and a log line) every flush tick.
 */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { firstDelayMs: 100, maxDelayMs: 5_000 };

/** The wait after `failuresInARow` refused writes (none: no wait). */
export function retryDelayMs(failuresInARow: number, policy: RetryPolicy): number {
  if (failuresInARow <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failuresInARow - 1));
}

/** Whether a scheduled write may try the store at `now`, given the last refusal. */
export function mayTryStore(
  failuresInARow: number,
  lastFailureAt: number,
  now: number,
  policy: RetryPolicy,
): boolean {
  return now - lastFailureAt >= retryDelayMs(failuresInARow, policy);
}
