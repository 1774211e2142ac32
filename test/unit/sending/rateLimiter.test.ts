import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../electron/services/sending/rateLimiter';

describe('RateLimiter', () => {
  it('grants at most perSecond at once and refills over the second', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 10, perHour: 1000 }, () => now);
    expect(limiter.take(25)).toBe(10);
    expect(limiter.take(1)).toBe(0);
    expect(limiter.waitMs()).toBe(100);
    now += 500;
    expect(limiter.take(25)).toBe(5);
  });

  it('holds the hourly limit across seconds', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 100, perHour: 150 }, () => now);
    expect(limiter.take(100)).toBe(100);
    now += 1000;
    expect(limiter.take(100)).toBe(50);
    now += 1000;
    expect(limiter.take(100)).toBe(0);
    expect(limiter.waitMs()).toBeGreaterThan(1000);
  });

  it('estimates the time for what is left', () => {
    const limiter = new RateLimiter({ perSecond: 10, perHour: 100_000 }, () => 0);
    expect(limiter.estimateMs(600)).toBe(60_000);
  });

  it('counts the mails of the past hour it is told about, also after new limits', () => {
    const limiter = new RateLimiter({ perSecond: 100, perHour: 50 }, () => 0, 40);
    expect(limiter.take(100)).toBe(10);
    limiter.update({ perSecond: 100, perHour: 60 }, () => 55);
    expect(limiter.take(100)).toBe(5);
  });

  it('takes back slots that were granted but not used', () => {
    const limiter = new RateLimiter({ perSecond: 10, perHour: 20 }, () => 0);
    expect(limiter.take(10)).toBe(10);
    limiter.giveBack(7);
    expect(limiter.take(10)).toBe(7);
    expect(limiter.take(10)).toBe(0);
  });
});
