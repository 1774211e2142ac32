import { describe, expect, it } from 'vitest';
import { pooledRandomBytes } from '../../../tracker/randomPool';

describe('pooledRandomBytes', () => {
  it('hands out each byte once, across refills of the pool', () => {
    // 20,000 message ids' worth: five refills of the 4,096-byte pool.
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) seen.add(pooledRandomBytes(16).toString('hex'));
    expect(seen.size).toBe(20_000);
  });

  it('gives the number of bytes asked for, also when the rest of the pool is too short', () => {
    for (const count of [1, 12, 16, 4000, 4096, 7, 5000]) {
      expect(pooledRandomBytes(count)).toHaveLength(count);
    }
  });

  it('is random, not a zero-filled pool', () => {
    const bytes = Buffer.concat(
      Array.from({ length: 64 }, () => Buffer.from(pooledRandomBytes(64))),
    );
    const distinct = new Set(bytes);
    expect(distinct.size).toBeGreaterThan(200);
  });
});
