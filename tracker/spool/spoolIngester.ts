import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  unlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MACHINE_WINDOW_MS } from '../classify';
import { buildEvent } from '../context';
import { eventIdFromHex } from '../eventId';
import { KeyRing } from '../keyRing';
import type { NewEvent, TrackerStore } from '../store/types';
import type { TokenPayload } from '../tokens';
import {
  CLOSED_SUFFIX,
  closedMarker,
  SEGMENT_SUFFIX,
  segmentBytes,
  writerIsRunning,
  writerPid,
} from './spoolFiles';
import { readSpoolLine, type SpoolEntry } from './spoolLine';

/** Bytes read from a segment at a time, and events per transaction. */
const READ_BYTES = 1024 * 1024;
const DEFAULT_BATCH = 1000;
const LINE_FEED = 10;

export interface SpoolIngesterOptions {
  machineWindowMs?: number;
  batch?: number;
  /** Whether a segment's writer still appends to it (default: writerIsRunning). */
  writerIsAlive?: (pid: number) => boolean;
  /** Lines whose token failed its check (never stored): counted, for the log. */
  onRejected?: (count: number) => void;
}

/** Where the ingester stands in one segment: bytes stored so far. */
interface SegmentState {
  offset: number;
}

/**
 * The storing half of the event spool (see spoolWriter), in a process of its own at a lower
 * priority: reads the lines the answering processes appended, checks each token (signature, key,
 * kind; a click must name a link), classifies, and stores the events in batches; a segment that
 * is closed and stored is deleted. A line that fails its check is dropped, never stored. Event ids
 * come from where the line lies in its segment, so a segment stored again (the ingester crashed
 * after a batch and before it moved on) stores nothing twice. Under a burst the spool grows and
 * the statistics lag; they catch up when the burst ends.
 */
export class SpoolIngester {
  private readonly keys: KeyRing;
  private readonly segments = new Map<string, SegmentState>();
  private readonly machineWindowMs: number;
  private readonly batch: number;
  private readonly writerIsAlive: (pid: number) => boolean;

  constructor(
    private readonly dir: string,
    private readonly store: TrackerStore,
    private readonly options: SpoolIngesterOptions = {},
  ) {
    this.keys = new KeyRing(store);
    this.machineWindowMs = options.machineWindowMs ?? DEFAULT_MACHINE_WINDOW_MS;
    this.batch = options.batch ?? DEFAULT_BATCH;
    this.writerIsAlive = options.writerIsAlive ?? writerIsRunning;
  }

  /** Bytes in the spool's segments now (stored or not): its growth tells how busy the workers are. */
  spooledBytes(): number {
    return segmentBytes(this.dir);
  }

  /** Per segment still on disk, the bytes of it stored already (the rest is the backlog). */
  storedOnDisk(): Record<string, number> {
    const stored: Record<string, number> = {};
    for (const [name, state] of this.segments) stored[name] = state.offset;
    return stored;
  }

  /**
   * One pass over the folder: stores every complete line not stored yet and deletes the closed
   * segments it finished. `final` (at shutdown, once every writer has ended) counts every segment
   * as closed. Resolves with the events stored; a store failure rejects, and the next pass
   * starts again where the last stored batch ended.
   */
  async ingestOnce(final = false): Promise<number> {
    let stored = 0;
    const names = existsSync(this.dir) ? readdirSync(this.dir) : [];
    const present = new Set(names);
    for (const name of names) {
      if (!name.endsWith(SEGMENT_SUFFIX)) continue;
      const pid = writerPid(name);
      if (pid === null) continue;
      const closed = final || present.has(`${name}${CLOSED_SUFFIX}`) || !this.writerIsAlive(pid);
      stored += await this.ingestSegment(name, closed);
    }
    // A marker whose segment is gone (deleted between the two unlinks).
    for (const name of names)
      if (name.endsWith(CLOSED_SUFFIX) && !present.has(name.slice(0, -CLOSED_SUFFIX.length)))
        unlinkQuietly(join(this.dir, name));
    return stored;
  }

  private async ingestSegment(name: string, closed: boolean): Promise<number> {
    const path = join(this.dir, name);
    const state = this.segments.get(name) ?? { offset: 0 };
    this.segments.set(name, state);
    let stored = 0;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      // Deleted meanwhile: nothing left to store.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.segments.delete(name);
      return 0;
    }
    try {
      let size = fstatSync(fd).size;
      while (state.offset < size) {
        const chunk = Buffer.alloc(Math.min(READ_BYTES, size - state.offset));
        const length = readSync(fd, chunk, 0, chunk.length, state.offset);
        const end = chunk.lastIndexOf(LINE_FEED, length - 1);
        // No complete line yet: the writer is amid a write (or died in one: never answered).
        if (end < 0) break;
        stored += await this.storeLines(name, chunk.subarray(0, end + 1), state.offset);
        state.offset += end + 1;
        size = fstatSync(fd).size;
      }
    } finally {
      closeSync(fd);
    }
    if (closed) {
      // Anything after the last line feed was never answered (its write did not finish).
      unlinkQuietly(path);
      unlinkQuietly(closedMarker(path));
      this.segments.delete(name);
    }
    return stored;
  }

  /** Checks and stores the complete lines of `bytes`, which start at `offset` in the segment. */
  private async storeLines(segment: string, bytes: Buffer, offset: number): Promise<number> {
    const events: NewEvent[] = [];
    let rejected = 0;
    let stored = 0;
    let start = 0;
    while (start < bytes.length) {
      const end = bytes.indexOf(LINE_FEED, start);
      const entry = readSpoolLine(bytes.toString('utf8', start, end));
      const payload = entry && (await this.verified(entry));
      if (entry && payload) events.push(this.event(entry, payload, segment, offset + start));
      else rejected += 1;
      start = end + 1;
      if (events.length >= this.batch) {
        await this.store.insertEvents(events);
        stored += events.length;
        events.length = 0;
      }
    }
    if (events.length > 0) await this.store.insertEvents(events);
    if (rejected > 0) this.options.onRejected?.(rejected);
    return stored + events.length;
  }

  private async verified(entry: SpoolEntry): Promise<TokenPayload | null> {
    const cached = this.keys.verifyCached(entry.token, entry.kind);
    const payload = cached === undefined ? await this.keys.verify(entry.token, entry.kind) : cached;
    if (!payload) return null;
    return entry.kind === 'click' && payload.link === undefined ? null : payload;
  }

  private event(entry: SpoolEntry, payload: TokenPayload, segment: string, at: number): NewEvent {
    const hex = createHash('sha256').update(`${segment}:${at}`).digest('hex');
    return buildEvent({ ip: entry.ip, userAgent: entry.userAgent }, payload, entry.kind, {
      at: entry.at,
      id: eventIdFromHex(entry.at, hex),
      machineWindowMs: this.machineWindowMs,
    });
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
