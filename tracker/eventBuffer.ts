import type { NewEvent, TrackerStore } from './store/types';

/**
 * Opens and clicks are written in batches (one transaction per batch instead of one fsync per
 * request). Nothing is dropped: a failed write puts the batch back, close() drains everything.
 */
export interface EventBufferOptions {
  maxBatch?: number;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

export class EventBuffer {
  private pending: NewEvent[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly maxBatch: number;

  constructor(
    private readonly store: TrackerStore,
    private readonly options: EventBufferOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 1000;
    this.timer = setInterval(() => void this.flush(), options.intervalMs ?? 50);
    this.timer.unref();
  }

  get size(): number {
    return this.pending.length;
  }

  push(event: NewEvent): void {
    this.pending.push(event);
    if (this.pending.length >= this.maxBatch) void this.flush();
  }

  /** Writes what is buffered now; resolves when it (and any earlier write) is stored. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          await this.store.insertEvents(batch);
        } catch (error) {
          this.pending.unshift(...batch);
          this.options.onError?.(error);
          return;
        }
      }
    });
    return this.writing;
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
