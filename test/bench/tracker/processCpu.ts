import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time in ms: all of it, and the part spent in the process's own code (not the kernel's). */
export interface CpuMs {
  total: number;
  user: number;
  /** The part of `total` spent by processes at a lower priority than the bench's (the ingester). */
  niced: number;
}

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants (a cluster's
 * primary and workers, nginx's master and workers), from /proc. On a machine shared with other
 * work the wall-clock rate says little; the CPU each server spends per answered request does.
 * The user part apart: the system part (loopback TCP, waking wrk) grows with the machine's load
 * and with a slower server's idle gaps, the user part is what the server's own code costs.
 * Niced means niced beyond `baseNiceness`, the bench's own by default: a bench run under `nice`
 * starts the tracker's answering processes at its niceness, and they are not the niced part.
 * null where /proc is missing.
 */
export function processTreeCpuMs(rootPid: number, baseNiceness = getPriority()): CpuMs | null {
  if (!existsSync('/proc/self/stat')) return null;
  const processes = new Map<
    number,
    { parent: number; ticks: number; userTicks: number; niced: boolean }
  >();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The command name (field 2) may hold spaces and parentheses: fields follow its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    processes.set(Number(name), {
      parent: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
      userTicks: Number(fields[11]),
      niced: Number(fields[16]) > baseNiceness,
    });
  }
  let ticks = 0;
  let userTicks = 0;
  let nicedTicks = 0;
  for (const [pid, entry] of processes) {
    let current: number | undefined = pid;
    while (current !== undefined && current > 1 && current !== rootPid)
      current = processes.get(current)?.parent;
    if (current === rootPid) {
      ticks += entry.ticks;
      userTicks += entry.userTicks;
      if (entry.niced) nicedTicks += entry.ticks;
    }
  }
  return {
    total: (ticks * 1000) / TICKS_PER_SECOND,
    user: (userTicks * 1000) / TICKS_PER_SECOND,
    niced: (nicedTicks * 1000) / TICKS_PER_SECOND,
  };
}
