import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Names in a spool folder. A segment is `<writer pid>-<start ms>-<random>.spool`, appended to by
 * one answering process only; `<segment>.closed` beside it says the writer has moved on to a new
 * segment (or closed), so the ingester may delete the segment once it has stored all of it. A
 * segment whose writer process is gone counts as closed too (a worker killed with SIGKILL).
 */
export const SEGMENT_SUFFIX = '.spool';
export const CLOSED_SUFFIX = '.closed';

export function newSegmentPath(dir: string, pid = process.pid): string {
  return join(dir, `${pid}-${Date.now()}-${randomBytes(6).toString('hex')}${SEGMENT_SUFFIX}`);
}

/**
 * The backlog: bytes in the folder's segments not stored yet, given the bytes stored per segment
 * name. A segment deleted since the ingester reported counts no more (its name is simply not on
 * disk), so the backlog never reads low for a report that is a little old.
 */
export function unstoredBytes(dir: string, stored: Readonly<Record<string, number>>): number {
  let bytes = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.endsWith(SEGMENT_SUFFIX)) continue;
    try {
      bytes += Math.max(0, statSync(join(dir, name)).size - (stored[name] ?? 0));
    } catch {
      // Deleted meanwhile.
    }
  }
  return bytes;
}

/** Bytes in the folder's segments now, stored or not (a readdir and a stat per segment). */
export const segmentBytes = (dir: string): number => unstoredBytes(dir, {});

export const closedMarker = (segmentPath: string) => `${segmentPath}${CLOSED_SUFFIX}`;

/** The writer's pid from a segment's file name, or null when the name is not a segment's. */
export function writerPid(fileName: string): number | null {
  const match = /^(\d+)-\d+-[0-9a-f]+\.spool$/.exec(fileName);
  return match ? Number(match[1]) : null;
}

/**
 * True while the segment's writer may still append: its process runs and, where /proc tells, it
 * is a sibling of this process (a worker of the same primary) or this process itself. A pid
 * reused since by an unrelated process, after a restart of the tracker, then does not keep an old
 * segment open.
 */
export function writerIsRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self/stat'))
      return false;
    return processIsAlive(pid);
  }
  // The command name (field 2) may hold spaces and parentheses: fields follow its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // A zombie (ended, not yet reaped) writes no more.
  return fields[0] !== 'Z' && Number(fields[1]) === process.ppid;
}

/** True while a process with that id runs (signal 0 checks without sending anything). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
