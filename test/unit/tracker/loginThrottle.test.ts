import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOGIN_POLICY,
  lockedMessages,
  lockUntil,
  waitText,
  windowWait,
} from '../../../tracker/loginThrottle';

const now = 1_000_000;

describe('login throttling', () => {
  it('locks after the free failures, doubling up to an hour', () => {
    const waits = [1, 4, 5, 6, 7, 12, 40].map((f) => lockUntil(DEFAULT_LOGIN_POLICY, f, now) - now);
    expect(waits).toEqual([-now, -now, 30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });

  it('says how long to wait once a window is over its limit', () => {
    const window = { windowStart: now, attempts: 3 };
    expect(windowWait({ ...window, attempts: 2 }, 2, 60_000, now)).toBe(0);
    expect(windowWait(window, 2, 60_000, now)).toBe(60);
    expect(windowWait(window, 2, 60_000, now + 45_000)).toBe(15);
    expect(windowWait(window, 2, 60_000, now + 59_999)).toBe(1);
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
