/**
 * A bounded queue in front of the password hash. scrypt at N=2^17 takes ~128 MB and 100+ ms, so
 * only a few run at once; and since anyone can send logins, only a few may wait: past that the
 * caller is told at once to come back (503 with Retry-After) instead of waiting half a minute.
 * Per process: it guards this process's memory and CPU (the attempt budgets are in the database).
 */
export class HashQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** Runs the work when a slot is free; null, without running it, when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | null> {
    if (this.running >= this.maxRunning) {
      if (this.waiting.length >= this.maxWaiting) return null;
      await new Promise<void>((go) => this.waiting.push(go));
    } else {
      this.running += 1;
    }
    try {
      return { value: await work() };
    } finally {
      // The slot passes straight to the next in line, so a new arrival cannot jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Seconds a refused caller should wait: about the time the queue needs to empty. */
  retryAfterSeconds(secondsPerHash = 0.25): number {
    return Math.max(
      1,
      Math.ceil(((this.waiting.length + this.running) * secondsPerHash) / this.maxRunning),
    );
  }
}
