import { HOUR } from '../core/clock';

/**
 * How long a job waits after a temporary problem (4xx, dropped connection, timeout) before it is
 * tried again, and how often. After the last attempt it counts as failed (or a soft bounce).
 */
export interface RetryPolicy {
  delaysMs: readonly number[];
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  delaysMs: [60_000, 5 * 60_000, 15 * 60_000, HOUR, 3 * HOUR],
};

/** The delay before attempt `attempts + 1`, or null when no attempt is left. */
export function retryDelay(policy: RetryPolicy, attempts: number): number | null {
  return policy.delaysMs[attempts - 1] ?? null;
}
