import type { Clock } from './clock';
import type { TrackerStore } from './store/types';

/**
 * Per-recipient events older than three months are anonymised (recipient, IP and user agent
 * removed; the event and so every count stays); expired sessions and old login counts go too. Runs on its own timer;
 * runOnce() (returning the number of events anonymised) is for tests.
 */
export const RETENTION_MONTHS = 3;

/** The same day and time `months` calendar months earlier (UTC), clamped to the month's end. */
export function retentionCutoff(now: number, months = RETENTION_MONTHS): number {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export interface RetentionJob {
  runOnce(): Promise<number>;
  stop(): void;
}

export function startRetentionJob(options: {
  store: TrackerStore;
  clock: Clock;
  /** How often to run (default hourly); 0 starts no timer. */
  intervalMs?: number;
  months?: number;
  onError?: (error: unknown) => void;
}): RetentionJob {
  let running: Promise<number> | null = null;
  const runOnce = () => {
    // One run at a time: a slow run is not overtaken by the next tick.
    running ??= (async () => {
      const now = options.clock.now();
      await options.store.deleteExpiredSessions(now);
      // Login windows and locks are at most an hour long; a day later they say nothing any more.
      await options.store.pruneLoginThrottle(now - 24 * 60 * 60_000);
      return options.store.anonymiseEventsBefore(retentionCutoff(now, options.months));
    })().finally(() => (running = null));
    return running;
  };
  const tick = () => void runOnce().catch((error: unknown) => options.onError?.(error));
  const intervalMs = options.intervalMs ?? 60 * 60_000;
  if (intervalMs <= 0) return { runOnce, stop: () => undefined };
  // A first run shortly after start, then on the interval; neither keeps the process alive.
  const first = setTimeout(tick, Math.min(intervalMs, 5_000));
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    runOnce,
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
