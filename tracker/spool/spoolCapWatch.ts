import { spoolOverCap, type SpoolCap } from './spoolCap';
import { unstoredBytes } from './spoolFiles';

export interface SpoolCapWatch {
  /** The ingester's latest report: per segment, the bytes of it stored. */
  setStored(segments: Readonly<Record<string, number>>): void;
  /** The ingester ended: until the next one reports, nothing on disk counts as stored. */
  forgetStored(): void;
  readonly over: boolean;
  stop(): void;
}

/**
 * The primary's watch over the spool's backlog (per segment on disk, its bytes minus what the
 * ingester reported stored of it), every `intervalMs`. It runs in the primary, at the workers' priority, because the
 * ingester it watches over is the process that gets no CPU under overload (or is stopped): the
 * workers only ever read a flag the primary's message sets, never the disk.
 */
export function watchSpoolCap(
  dir: string,
  cap: SpoolCap,
  onChange: (over: boolean, backlogBytes: number) => void,
  intervalMs = 200,
): SpoolCapWatch {
  let stored: Readonly<Record<string, number>> = {};
  let over = false;
  const check = () => {
    const backlog = unstoredBytes(dir, stored);
    const now = spoolOverCap(backlog, over, cap);
    if (now === over) return;
    over = now;
    onChange(over, backlog);
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  check();
  return {
    setStored: (segments) => {
      stored = segments;
    },
    forgetStored: () => {
      stored = {};
    },
    get over() {
      return over;
    },
    stop: () => clearInterval(timer),
  };
}
