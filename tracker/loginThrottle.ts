/**
 * Login abuse limits, all counted in the database so they hold across processes and machines:
 * per account AND network (truncated IP), a lock that grows with each failure past a few free ones
 * (a stranger locks only their own network out, never the shop's); per network, a cap on attempts
 * in a window; for the whole tracker, a budget of attempts in a window (every attempt costs a
 * scrypt hash, and many networks together must not make unlimited guesses).
 */
export interface LoginPolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  ipAttempts: number;
  ipWindowMs: number;
  globalAttempts: number;
  globalWindowMs: number;
  /** Hashes running at once in one process, and logins allowed to wait for one. */
  hashConcurrency: number;
  hashQueueLength: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 60 * 60_000,
  ipAttempts: 30,
  ipWindowMs: 10 * 60_000,
  globalAttempts: 1000,
  globalWindowMs: 10 * 60_000,
  hashConcurrency: 2,
  hashQueueLength: 8,
};

/** Lock end after `failures` consecutive failures: 0 (no lock), then 30 s, 60 s, 2 min … up to 1 h. */
export function lockUntil(policy: LoginPolicy, failures: number, now: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 20);
  return now + Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

/** Seconds to wait when a window's count is over the limit, else 0. */
export function windowWait(
  window: { windowStart: number; attempts: number },
  limit: number,
  windowMs: number,
  now: number,
): number {
  if (window.attempts <= limit) return 0;
  return Math.max(1, Math.ceil((window.windowStart + windowMs - now) / 1000));
}

/** "2 minuten" / "2 minutes": how long to wait, rounded up, in the shopkeeper's words. */
export function waitText(seconds: number, lang: 'nl' | 'en'): string {
  if (seconds < 60) {
    return lang === 'nl' ? `${seconds} seconden` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (lang === 'nl') return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function lockedMessages(
  seconds: number,
  supportContact?: string,
): { nl: string; en: string } {
  const nlContact = supportContact ? ` (${supportContact})` : '';
  return {
    nl:
      `Dit account is tijdelijk geblokkeerd na te veel mislukte inlogpogingen. Wacht ${waitText(seconds, 'nl')} ` +
      `en probeer het dan opnieuw, of neem contact op met de helpdesk${nlContact}.`,
    en:
      `This account is temporarily locked after too many failed login attempts. Wait ${waitText(seconds, 'en')} ` +
      `and try again, or contact support${nlContact}.`,
  };
}
