import { describe, expect, it } from 'vitest';
import { waitForBurstToPass } from '../../../tracker/spool/burstPolicy';

const policy = { busyBytesPerSecond: 1_000_000, maxDeferMs: 30_000 };

describe('the ingester waiting out a burst', () => {
  it('waits while the spool grows faster than the busy rate', () => {
    expect(
      waitForBurstToPass({ grownBytes: 400_000, overMs: 50, deferredForMs: 1_000 }, policy),
    ).toBe(true);
  });

  it('stores when traffic is light', () => {
    expect(waitForBurstToPass({ grownBytes: 10_000, overMs: 50, deferredForMs: 0 }, policy)).toBe(
      false,
    );
    expect(waitForBurstToPass({ grownBytes: 0, overMs: 50, deferredForMs: 0 }, policy)).toBe(false);
  });

  it('stores amid a burst once it has waited the longest it may', () => {
    expect(
      waitForBurstToPass({ grownBytes: 400_000, overMs: 50, deferredForMs: 30_000 }, policy),
    ).toBe(false);
  });

  it('never waits while the spool is over its cap on disk', () => {
    expect(
      waitForBurstToPass(
        { grownBytes: 400_000, overMs: 50, deferredForMs: 1_000, overCap: true },
        policy,
      ),
    ).toBe(false);
    expect(
      waitForBurstToPass(
        { grownBytes: 400_000, overMs: 50, deferredForMs: 1_000, overCap: false },
        policy,
      ),
    ).toBe(true);
  });
});
