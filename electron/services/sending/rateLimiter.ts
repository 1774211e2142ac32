/**
 * The send rate shared by all connections: at most `perSecond` messages in any second and
 * `perHour` in any hour, as two token buckets. Plain state: `take` says how many may go now,
 * `waitMs` how long until the next one may. Time is monotonic milliseconds (performance.now).
 */
export interface RateLimits {
  perSecond: number;
  perHour: number;
}

class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.refillPerMs);
      this.last = now;
    }
  }

  available(now: number): number {
    this.refill(now);
    return Math.floor(this.tokens);
  }

  take(count: number): void {
    this.tokens -= count;
  }

  giveBack(count: number): void {
    this.tokens = Math.min(this.capacity, this.tokens + count);
  }

  waitMs(now: number): number {
    this.refill(now);
    if (this.tokens >= 1) return 0;
    return Math.ceil((1 - this.tokens) / this.refillPerMs);
  }
}

export class RateLimiter {
  private second: TokenBucket;
  private hour: TokenBucket;

  /**
   * `sentLastHour` says how many mails already went out in the past hour (before the app started,
   * or before the limits changed): they count against the hourly limit, so a restart never
   * grants a fresh hour's worth.
   */
  constructor(
    private limits: RateLimits,
    private readonly monotonicNow: () => number = () => performance.now(),
    sentLastHour = 0,
  ) {
    const now = monotonicNow();
    this.second = new TokenBucket(limits.perSecond, limits.perSecond / 1000, now);
    this.hour = new TokenBucket(limits.perHour, limits.perHour / 3_600_000, now);
    this.hour.take(Math.min(sentLastHour, limits.perHour));
  }

  /**
   * Settings may change while a send runs; the buckets start over at the new rates, less what
   * went out in the past hour (asked only when the limits did change).
   */
  update(limits: RateLimits, sentLastHour: () => number): void {
    if (limits.perSecond === this.limits.perSecond && limits.perHour === this.limits.perHour)
      return;
    this.limits = limits;
    const now = this.monotonicNow();
    this.second = new TokenBucket(limits.perSecond, limits.perSecond / 1000, now);
    this.hour = new TokenBucket(limits.perHour, limits.perHour / 3_600_000, now);
    this.hour.take(Math.min(sentLastHour(), limits.perHour));
  }

  /** Takes up to `wanted` slots; returns how many were granted (possibly 0). */
  take(wanted: number): number {
    const now = this.monotonicNow();
    const granted = Math.max(
      0,
      Math.min(wanted, this.second.available(now), this.hour.available(now)),
    );
    if (granted > 0) {
      this.second.take(granted);
      this.hour.take(granted);
    }
    return granted;
  }

  /** Returns slots that were taken but not used. */
  giveBack(count: number): void {
    if (count <= 0) return;
    this.second.giveBack(count);
    this.hour.giveBack(count);
  }

  waitMs(): number {
    const now = this.monotonicNow();
    return Math.max(this.second.waitMs(now), this.hour.waitMs(now));
  }

  /** Milliseconds needed to send `remaining` more messages at these limits (for the expected end). */
  estimateMs(remaining: number): number {
    const perMsSecond = this.limits.perSecond / 1000;
    const perMsHour = this.limits.perHour / 3_600_000;
    const now = this.monotonicNow();
    const afterHourBurst = Math.max(0, remaining - this.hour.available(now));
    return Math.ceil(Math.max(remaining / perMsSecond, afterHourBurst / perMsHour));
  }
}
