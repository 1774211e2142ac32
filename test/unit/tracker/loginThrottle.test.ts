import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOGIN_POLICY,
  IpLimiter,
  lockedMessages,
  lockUntil,
  waitText,
} from '../../../tracker/loginThrottle';

const now = 1_000_000;

describe('login throttling', () => {
  it('locks after the free failures, doubling up to an hour', () => {
    const waits = [1, 4, 5, 6, 7, 12, 40].map((f) => lockUntil(DEFAULT_LOGIN_POLICY, f, now) - now);
    expect(waits).toEqual([-now, -now, 30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });

  it('caps attempts per address in a window', () => {
    let clock = now;
    const limiter = new IpLimiter(
      { ...DEFAULT_LOGIN_POLICY, ipAttempts: 2, ipWindowMs: 60_000 },
      () => clock,
    );
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('b')).toBe(0);
    expect(limiter.hit('a')).toBe(60);
    clock += 45_000;
    expect(limiter.hit('a')).toBe(15);
    clock += 15_000;
    expect(limiter.hit('a')).toBe(0);
  });

  it('tells the user in Dutch and English to wait or contact support', () => {
    expect(waitText(1, 'en')).toBe('1 second');
    expect(waitText(61, 'nl')).toBe('2 minuten');
    expect(waitText(60, 'nl')).toBe('1 minuut');
    const messages = lockedMessages(300, 'help@reseller.nl');
    expect(messages.nl).toBe(
      'Dit account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. Wacht 5 minuten en probeer het dan opnieuw, of neem contact op met de helpdesk (help@reseller.nl).',
    );
    expect(messages.en).toContain(
      'Wait 5 minutes and try again, or contact support (help@reseller.nl).',
    );
  });
});
