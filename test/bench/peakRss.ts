import { readFileSync } from 'node:fs';

/**
 * The highest RSS this process has had, in MB, as the kernel counts it: Linux's VmHWM, the
 * high-water mark of this process's own memory map. Not `process.resourceUsage().maxRSS`: a
 * child started with fork and exec inherits its parent's RSS at the fork in that figure (a child
 * of 39 MB started by a parent of 340 MB reports 304 MB), so every bench child of `npm run bench`
 * reported the bench runner's size once the runner had grown. Elsewhere maxRSS is all there is.
 */
export function peakRssMb(): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Math.round(Number(kb) / 1024);
  } catch {
    // No /proc (macOS, Windows).
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
