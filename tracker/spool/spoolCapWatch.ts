import { spoolOverCap, type SpoolCap } from './spoolCap';
import { segmentBytes } from './spoolFiles';

export interface SpoolCapWatch {
  /** The ingester's latest report of the bytes on disk it has stored. */
  setStoredBytes(bytes: number): void;
  /** The ingester ended: until the next one reports, nothing on disk counts as stored. */
  forgetStoredBytes(): void;
  readonly over: boolean;
  stop(): void;
}

/**
 * The primary's watch over the spool's backlog (bytes on disk minus what the ingester reported
 * stored), every `intervalMs`. It runs in the primary, at the workers' priority, because the
 * ingester it watches over is the process that gets no CPU under overload (or is stopped): the
 * workers only ever read a flag the primary's message sets, never the disk.
 */
export function watchSpoolCap(
  dir: string,
  cap: SpoolCap,
  onChange: (over: boolean, backlogBytes: number) => void,
  intervalMs = 200,
): SpoolCapWatch {
  let stored = 0;
  let over = false;
  const check = () => {
    // Known gap: `stored` counts segments the ingester has stored; when it then deletes one, the
    // disk loses those bytes at once but `stored` keeps them until its next report (at most 200
    // ms later), so the backlog reads low by up to one segment (8 MB) for that long. It errs
    // towards staying under the cap, by less than the room the README asks for beside it (one
    // segment per worker); exact would need the stored offset per segment name in each report.
    const backlog = Math.max(0, segmentBytes(dir) - stored);
    const now = spoolOverCap(backlog, over, cap);
    if (now === over) return;
    over = now;
    onChange(over, backlog);
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  check();
  return {
    setStoredBytes: (bytes) => {
      stored = bytes;
    },
    forgetStoredBytes: () => {
      stored = 0;
    },
    get over() {
      return over;
    },
    stop: () => clearInterval(timer),
  };
}
