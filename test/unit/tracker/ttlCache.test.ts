import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../../tracker/ttlCache';

describe('TtlCache', () => {
  it('loads once while fresh, again after expiry; misses expire sooner; failures are not kept', async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<string | null>(1000, 10, () => now, 100);
    const load = (value: string | null) => async () => {
      loads += 1;
      return value;
    };
    expect(await Promise.all([cache.get('a', load('A')), cache.get('a', load('B'))])).toEqual([
      'A',
      'A',
    ]);
    expect(loads).toBe(1);
    expect(await cache.get('miss', load(null))).toBeNull();
    now = 150;
    expect(await cache.get('miss', load('found'))).toBe('found');
    expect(await cache.get('a', load('B'))).toBe('A');
    now = 1001;
    expect(await cache.get('a', load('B'))).toBe('B');
    await expect(cache.get('bad', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', load('up'))).toBe('up');
    cache.deleteWhere((key) => key === 'a');
    expect(await cache.get('a', load('C'))).toBe('C');
  });
});
