import { DEFAULT_RETRY_POLICY, mayTryStore, type RetryPolicy } from './retryBackoff';
import type { NewEvent, TrackerStore } from './store/types';

/**
 * Opens and clicks are written in batches (one transaction per batch instead of one fsync per
 * request). A failed write puts the batch back and close() drains everything. While the store is
 * down, scheduled writes back off (see retryBackoff) and the buffer grows, so it is capped: past
 * `maxPending` held events new ones are dropped and counted (the recipient's pixel or redirect is
 * answered all the same).
 */
export interface EventBufferOptions {
  maxBatch?: number;
  intervalMs?: number;
  /** Most events held in memory (pending plus the batch being written). */
  maxPending?: number;
  /** The store refused a write: called once per outage, at its first refusal. */
  onError?: (error: unknown) => void;
  /** The store took a write again after an outage. */
  onRecover?: (outage: { refusedWrites: number; downMs: number }) => void;
  /** Back-off for scheduled writes while the store refuses them. */
  retry?: RetryPolicy;
  /** Milliseconds for the back-off (a monotonic clock: it times retries, not events). */
  now?: () => number;
  /** Called for each dropped event with the total dropped so far. */
  onDrop?: (totalDropped: number) => void;
}

/**
 * The longest an answer waits in written(): a store that hangs must not hang the recipient's mail
 * client (the events stay held and are written later).
 */
export const MAX_ANSWER_WAIT_MS = 1_000;

/** ~50,000 events of at most ~1 KB each (the user agent is capped at 512 characters): ≤ ~50 MB. */
export const DEFAULT_MAX_PENDING_EVENTS = 50_000;

/**
 * Events per write. With SQLite a write holds this process's thread (some 10 µs per event), so a
 * batch is kept to a few milliseconds: that time adds to the answer time of every request waiting.
 */
export const DEFAULT_MAX_BATCH = 250;

export class EventBuffer {
  private pending: NewEvent[] = [];
  private inFlight = 0;
  private droppedTotal = 0;
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly maxBatch: number;
  private readonly maxPending: number;
  private readonly retry: RetryPolicy;
  private readonly now: () => number;
  private failuresInARow = 0;
  private lastFailureAt = 0;
  private downSince = 0;
  private nextWrite: Promise<void> | undefined;

  constructor(
    private readonly store: TrackerStore,
    private readonly options: EventBufferOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING_EVENTS;
    if (!Number.isInteger(this.maxPending) || this.maxPending < 1)
      throw new Error(`maxPending must be a whole number of at least 1, not ${options.maxPending}`);
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? (() => performance.now());
    this.timer = setInterval(() => void this.write(false), options.intervalMs ?? 50);
    this.timer.unref();
  }

  /** Events held in memory: waiting, or in a write that has not finished. */
  get size(): number {
    return this.pending.length + this.inFlight;
  }

  /** Events refused because the buffer was full. */
  get dropped(): number {
    return this.droppedTotal;
  }

  /** Holds the event for the next write; false (and counted) when the buffer is full. */
  push(event: NewEvent): boolean {
    if (this.size >= this.maxPending) {
      this.droppedTotal += 1;
      this.options.onDrop?.(this.droppedTotal);
      return false;
    }
    this.pending.push(event);
    // One early write per full batch; while the store is down the back-off holds it back.
    if (this.pending.length % this.maxBatch === 0) void this.write(false);
    return true;
  }

  /**
   * Resolves once every event pushed so far is written, its write was refused or put off by the
   * back-off (the events then stay held), or MAX_ANSWER_WAIT_MS passed. All callers of one turn
   * of the event loop share one write, so a burst still goes out in batches.
   */
  written(): Promise<void> {
    this.nextWrite ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, MAX_ANSWER_WAIT_MS);
      setImmediate(() => {
        this.nextWrite = undefined;
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        this.write(false).then(done, done);
      });
    });
    return this.nextWrite;
  }

  /** Writes what is buffered now, back-off or not; resolves when this and earlier writes end. */
  flush(): Promise<void> {
    return this.write(true);
  }

  /** A write; unless forced, skipped while the store is in its back-off after a refusal. */
  private write(force: boolean): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!force && !mayTryStore(this.failuresInARow, this.lastFailureAt, this.now(), this.retry))
        return;
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        this.inFlight = batch.length;
        try {
          await this.store.insertEvents(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          this.storeRefused(error);
          return;
        } finally {
          this.inFlight = 0;
        }
        this.storeTook();
        // SQLite writes block this thread: let waiting requests in between two batches.
        if (this.pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
      }
    });
    return this.writing;
  }

  private storeRefused(error: unknown): void {
    const now = this.now();
    if (this.failuresInARow === 0) {
      this.downSince = now;
      this.options.onError?.(error);
    }
    this.failuresInARow += 1;
    this.lastFailureAt = now;
  }

  private storeTook(): void {
    if (this.failuresInARow === 0) return;
    const outage = { refusedWrites: this.failuresInARow, downMs: this.now() - this.downSince };
    this.failuresInARow = 0;
    this.options.onRecover?.(outage);
  }

  /** Stops the timer and writes everything; throws if the store still refuses. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.pending.length > 0) {
      throw new Error(`${this.pending.length} tracking events could not be stored`);
    }
  }
}
