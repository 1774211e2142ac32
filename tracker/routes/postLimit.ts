/** How many posts one network may make to the public pages in one window. */
export interface PostLimitPolicy {
  perWindow: number;
  windowMs: number;
}

/**
 * Generous: mailbox providers (Gmail, Outlook) send RFC 8058 one-click posts for all their users
 * from a few networks, and a refused one may never come back. A bot holding tokens still cannot
 * make the store write more than this per network.
 */
export const DEFAULT_POST_LIMIT: PostLimitPolicy = { perWindow: 120, windowMs: 60_000 };

/** Networks remembered at most; past it the table starts again (bounded memory under a flood). */
const MAX_NETWORKS = 100_000;

/**
 * Fixed-window counts per truncated network address, in this process's memory. Counting in the
 * store would itself be the write a flood should not cause, so each worker counts for itself: the
 * whole tracker allows its number of workers times the policy.
 */
export class PostLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly policy: PostLimitPolicy) {}

  /** 0 when the post may go on, else the seconds until the network's window ends. */
  take(network: string, now: number): number {
    let window = this.windows.get(network);
    if (!window || now - window.start >= this.policy.windowMs) {
      if (!window && this.windows.size >= MAX_NETWORKS) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(network, window);
    }
    window.count += 1;
    if (window.count <= this.policy.perWindow) return 0;
    return Math.max(1, Math.ceil((window.start + this.policy.windowMs - now) / 1000));
  }
}
