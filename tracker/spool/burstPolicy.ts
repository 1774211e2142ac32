/**
 * When the ingester waits: while the workers spool faster than `busyBytesPerSecond` (a burst:
 * a mailing just went out, Apple's proxies fetch every pixel), storing would take CPU from the
 * answers, so it waits, up to `maxDeferMs` in a row; then it stores even amid the burst (at its
 * low priority), so the statistics never lag more than that plus the catching up.
 */
export interface BurstPolicy {
  busyBytesPerSecond: number;
  maxDeferMs: number;
}

/** ~4,000 opens a second (some 250 bytes each) counts as a burst; at most 30 s of waiting. */
export const DEFAULT_BURST_POLICY: BurstPolicy = {
  busyBytesPerSecond: 1_000_000,
  maxDeferMs: 30_000,
};

/** Over the spool's cap on disk (see spoolCap) it never waits: the backlog must shrink. */
export function waitForBurstToPass(
  spooled: { grownBytes: number; overMs: number; deferredForMs: number; overCap?: boolean },
  policy: BurstPolicy = DEFAULT_BURST_POLICY,
): boolean {
  if (spooled.overCap || spooled.overMs <= 0 || spooled.deferredForMs >= policy.maxDeferMs)
    return false;
  return (spooled.grownBytes * 1000) / spooled.overMs > policy.busyBytesPerSecond;
}
