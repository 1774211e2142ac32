/**
 * Login abuse limits: per account, a lock that grows with each failure past a few free ones; per
 * (truncated) IP address, a cap on attempts in a window, since every attempt costs a scrypt hash.
 */
export interface LoginPolicy {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  ipAttempts: number;
  ipWindowMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  freeFailures: 5,
  baseLockMs: 30_000,
  maxLockMs: 60 * 60_000,
  ipAttempts: 30,
  ipWindowMs: 10 * 60_000,
};

/** Lock end after `failures` consecutive failures: 0 (no lock), then 30 s, 60 s, 2 min … up to 1 h. */
export function lockUntil(policy: LoginPolicy, failures: number, now: number): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 20);
  return now + Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

export class IpLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly policy: LoginPolicy,
    private readonly now: () => number,
  ) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  hit(ip: string): number {
    const now = this.now();
    if (this.windows.size > 100_000) this.prune(now);
    const window = this.windows.get(ip);
    if (!window || now - window.start >= this.policy.ipWindowMs) {
      this.windows.set(ip, { start: now, count: 1 });
      return 0;
    }
    if (window.count >= this.policy.ipAttempts) {
      return Math.max(1, Math.ceil((window.start + this.policy.ipWindowMs - now) / 1000));
    }
    window.count += 1;
    return 0;
  }

  private prune(now: number): void {
    for (const [ip, w] of this.windows)
      if (now - w.start >= this.policy.ipWindowMs) this.windows.delete(ip);
  }
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
