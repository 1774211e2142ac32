import { describe, expect, it } from 'vitest';
import { HashQueue } from '../../../tracker/hashQueue';

describe('HashQueue', () => {
  it('runs a few at once, lets a few wait in order and refuses the rest at once', async () => {
    const queue = new HashQueue(2, 2);
    const started: number[] = [];
    const releases: Array<() => void> = [];
    const work = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        releases.push(() => resolve(n));
      });
    const runs = [1, 2, 3, 4, 5, 6].map((n) => queue.run(work(n)));
    expect(await runs[4]).toBeNull();
    expect(await runs[5]).toBeNull();
    expect(started).toEqual([1, 2]);
    expect(queue.retryAfterSeconds(1)).toBe(2);
    releases[0]!();
    expect(await runs[0]).toEqual({ value: 1 });
    expect(started).toEqual([1, 2, 3]);
    releases.slice(1).forEach((release) => release());
    await new Promise((resolve) => setTimeout(resolve, 0));
    releases.slice(3).forEach((release) => release());
    expect(await Promise.all(runs.slice(1, 4))).toEqual([{ value: 2 }, { value: 3 }, { value: 4 }]);
    expect(started).toEqual([1, 2, 3, 4]);
    // Empty again: a new arrival runs at once.
    expect(await queue.run(async () => 7)).toEqual({ value: 7 });
  });
});
