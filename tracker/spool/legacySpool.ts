import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { lockSpoolDir } from './spoolDirLock';
import {
  CLOSED_SUFFIX,
  closedMarker,
  processIsAlive,
  SEGMENT_SUFFIX,
  writerPid,
} from './spoolFiles';

/** Segments moved so far, and those left because a running process still writes them. */
interface TakeoverCount {
  taken: number;
  stillWritten: number;
}

/**
 * Takes over a spool folder another tracker left behind: the PostgreSQL default before it named
 * the port (`./tracker-spool`, see env.ts), which an upgraded tracker would otherwise never look
 * at again, though a tracker stopped hard (or whose ingester was behind) left answered opens and
 * clicks there. Run by the primary before its ingester starts, holding the old folder's lock too
 * (a running tracker that uses that folder holds it: the folder is then left to it). Each segment
 * is moved under its own name into this tracker's folder with its closed marker (its writer is
 * gone), so its event ids stay what they were (they follow from the name and the place in it) and
 * lines an older ingester stored already are not stored twice. A segment a running process still
 * has open (a tracker of the version before the lock, during a rolling upgrade) stays where it is,
 * for the next start. The folder is removed once empty. Returns the line to log, or null when
 * there is no such folder.
 */
export function takeOverLegacySpool(legacyDir: string, spoolDir: string): string | null {
  if (!existsSync(legacyDir)) return null;
  const count: TakeoverCount = { taken: 0, stillWritten: 0 };
  try {
    return takeOver(legacyDir, spoolDir, count);
  } catch (error) {
    // The tracker starts all the same: answering must not wait for an old folder.
    return (
      `taking over the old event spool folder ${legacyDir} failed after ${count.taken} ` +
      `segments (${String(error)}); the rest stays there for the next start`
    );
  }
}

function takeOver(legacyDir: string, spoolDir: string, count: TakeoverCount): string {
  const lock = lockSpoolDir(legacyDir);
  if (!lock.ok)
    return (
      `the old event spool folder ${legacyDir} is in use by another tracker${lock.holder}; ` +
      `left to it`
    );
  try {
    moveSegments(legacyDir, spoolDir, count);
  } catch (error) {
    lock.release();
    throw error;
  }
  const head =
    `took over ${count.taken} unstored event spool segments from the old folder ` + legacyDir;
  if (count.stillWritten > 0) {
    lock.release();
    return (
      `${head}; ${count.stillWritten} left there: a running process still writes them ` +
      `(taken over at the next start)`
    );
  }
  return lock.releaseAndRemove()
    ? `${head}; the folder is removed`
    : `${head}; the folder is kept: it holds other files`;
}

function moveSegments(legacyDir: string, spoolDir: string, count: TakeoverCount): void {
  mkdirSync(spoolDir, { recursive: true, mode: 0o700 });
  const names = readdirSync(legacyDir);
  const present = new Set(names);
  const realDir = realpathSync(legacyDir);
  for (const name of names) {
    const pid = writerPid(name);
    if (pid === null) continue;
    const closed = present.has(`${name}${CLOSED_SUFFIX}`);
    if (!closed && writerStillAppends(pid, join(realDir, name))) count.stillWritten += 1;
    else if (moveSegment(join(legacyDir, name), join(spoolDir, name), closed)) count.taken += 1;
  }
  // Markers of segments an older ingester deleted just before it stopped.
  for (const name of readdirSync(legacyDir)) {
    const segment = name.slice(0, -CLOSED_SUFFIX.length);
    if (name.endsWith(`${SEGMENT_SUFFIX}${CLOSED_SUFFIX}`) && !existsSync(join(legacyDir, segment)))
      unlinkSync(join(legacyDir, name));
  }
}

/**
 * Whether process `pid` may still append to the segment at `path` (its real path): where /proc
 * tells, only when it holds the file open (a pid reused since by another program does not);
 * elsewhere while a process with that id runs.
 */
function writerStillAppends(pid: number, path: string): boolean {
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self/fd'))
      return false;
    return processIsAlive(pid);
  }
  return fds.some((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
    } catch {
      // Closed meanwhile.
      return false;
    }
  });
}

/**
 * Moves the segment and marks it closed in its new folder; false when it is gone (deleted by an
 * older tracker's ingester that stored it meanwhile).
 */
function moveSegment(from: string, to: string, closed: boolean): boolean {
  try {
    moveFile(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  writeFileSync(closedMarker(to), '');
  if (closed) unlinkSync(closedMarker(from));
  return true;
}

/** A rename; across file systems (the old folder mounted elsewhere) a copy put in place whole. */
function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Copied under a name the ingester skips, then renamed: it never sees half a segment.
    const copy = `${to}.moving`;
    copyFileSync(from, copy);
    renameSync(copy, to);
    unlinkSync(from);
  }
}
