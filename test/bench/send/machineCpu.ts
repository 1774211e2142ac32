import { readFileSync } from 'node:fs';

/** The whole machine's CPU time so far, all cores, from /proc/stat (Linux; zeros elsewhere). */
export interface MachineCpu {
  busyMs: number;
  totalMs: number;
}

export function machineCpu(): MachineCpu {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = ticks[3]! + ticks[4]!;
    // Linux counts in USER_HZ, 100 a second on every architecture it runs on.
    const ms = 10;
    return { busyMs: (total - idle) * ms, totalMs: total * ms };
  } catch {
    return { busyMs: 0, totalMs: 0 };
  }
}

/** Share of every core's time that was busy between two readings (0–1; NaN without /proc). */
export function busyShare(from: MachineCpu, to: MachineCpu): number {
  const total = to.totalMs - from.totalMs;
  return total > 0 ? (to.busyMs - from.busyMs) / total : Number.NaN;
}
