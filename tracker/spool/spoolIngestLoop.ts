import { waitForBurstToPass, type BurstPolicy } from './burstPolicy';
import type { SpoolIngester } from './spoolIngester';

export interface IngestLoop {
  /** Stops the timer, waits for the pass under way, then stores everything left (final pass). */
  drain(): Promise<number>;
  /** Over the spool's cap the loop stores at every tick, burst or not (see spoolCap). */
  setSpoolOverCap(over: boolean): void;
}

/**
 * Runs the ingester every `intervalMs` (one pass at a time), except while the workers answer a
 * burst (see burstPolicy) and the spool is under its cap. A pass the store refused is logged once per outage and tried again at
 * the next tick: the lines stay in the spool meanwhile.
 */
export function startIngestLoop(
  ingester: SpoolIngester,
  options: {
    intervalMs?: number;
    burst?: BurstPolicy;
    onError: (error: unknown) => void;
    onRecover?: () => void;
  },
): IngestLoop {
  let running: Promise<unknown> = Promise.resolve();
  let failing = false;
  let busy = false;
  let lastBytes = ingester.spooledBytes();
  let lastAt = performance.now();
  let deferredSince: number | null = null;
  let overCap = false;
  /** True while a burst is on (the spool grew fast since the last tick) and under the cap. */
  const burstGoesOn = () => {
    const bytes = ingester.spooledBytes();
    const now = performance.now();
    const wait = waitForBurstToPass(
      {
        grownBytes: Math.max(0, bytes - lastBytes),
        overMs: now - lastAt,
        deferredForMs: deferredSince === null ? 0 : now - deferredSince,
        overCap,
      },
      options.burst,
    );
    lastBytes = bytes;
    lastAt = now;
    deferredSince = wait ? (deferredSince ?? now) : null;
    return wait;
  };
  const pass = () => {
    // A pass longer than the interval: the next tick finds it busy instead of queueing behind it.
    if (busy || burstGoesOn()) return;
    busy = true;
    running = running
      .then(() =>
        ingester.ingestOnce().then(
          () => {
            if (failing) options.onRecover?.();
            failing = false;
          },
          (error: unknown) => {
            if (!failing) options.onError(error);
            failing = true;
          },
        ),
      )
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(pass, options.intervalMs ?? 50);
  pass();
  return {
    async drain() {
      clearInterval(timer);
      await running;
      return ingester.ingestOnce(true);
    },
    setSpoolOverCap(over) {
      overCap = over;
    },
  };
}
