import { describe, expect, it } from 'vitest';
import { mayTryStore, retryDelayMs } from '../../../tracker/retryBackoff';

const policy = { firstDelayMs: 100, maxDelayMs: 5_000 };

describe('retryDelayMs', () => {
  it('does not wait while the store takes writes', () => {
    expect(retryDelayMs(0, policy)).toBe(0);
  });

  it('doubles with each refusal in a row, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, policy));
    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it('stays at the cap for an outage of any length', () => {
    expect(retryDelayMs(10_000, policy)).toBe(5_000);
  });
});

describe('mayTryStore', () => {
  it('always may while the store is up', () => {
    expect(mayTryStore(0, 0, 0, policy)).toBe(true);
  });

  it('waits out the delay after the last refusal, and not a millisecond more', () => {
    expect(mayTryStore(3, 10_000, 10_399, policy)).toBe(false);
    expect(mayTryStore(3, 10_000, 10_400, policy)).toBe(true);
  });
});
