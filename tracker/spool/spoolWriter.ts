import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { closedMarker, newSegmentPath } from './spoolFiles';
import { TORN_LINE_END } from './spoolLine';

/** A new segment past this size, so the ingester can delete what it has stored. */
export const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;

export interface SpoolWriterOptions {
  maxSegmentBytes?: number;
  /**
   * A failed write: the answers still go out (the recipient must never see a difference).
   * `lostEvents` counts the lines of the batch that did not land whole (line feed included).
   */
  onError?: (error: unknown, lostEvents: number) => void;
  /** Writes part of a buffer as fs.writeSync does (a test puts a short or failing write here). */
  writeBytes?: (fd: number, bytes: Buffer, offset: number) => number;
}

const LINE_FEED = 10;

/**
 * The answering process's half of the event spool: each open or click is appended as a line (see
 * spoolLine) and its answer held until the line is in the file. All lines of one turn of the event
 * loop go out in one write, then their answers: so an answered pixel is in the file (the kernel's
 * page cache, which outlives the process) before its answer leaves, and a worker killed at any
 * moment loses no answered event. Checking tokens and storing is the ingester's job, in another
 * process (spoolIngester), so the answering processes spend almost nothing per event beyond the
 * answer itself.
 */
export class SpoolWriter {
  /**
   * Set by the primary's message while the unstored spool is over its cap (see spoolCap): the
   * fast paths then check and buffer their events as without a spool and write nothing here.
   */
  overCap = false;
  private fd: number;
  private path: string;
  private written = 0;
  private text = '';
  private responses: ServerResponse[] = [];
  private answers: ((response: ServerResponse) => void)[] = [];
  private scheduled = false;
  private closed = false;
  /** The segment ends amid a line (a write failed after part of it): the next write ends it. */
  private torn = false;
  private readonly maxSegmentBytes: number;
  private readonly writeBytes: (fd: number, bytes: Buffer, offset: number) => number;

  constructor(
    private readonly dir: string,
    private readonly options: SpoolWriterOptions = {},
  ) {
    this.maxSegmentBytes = options.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.writeBytes = options.writeBytes ?? ((fd, bytes, offset) => writeSync(fd, bytes, offset));
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.path = newSegmentPath(dir);
    this.fd = openSync(this.path, 'a', 0o600);
  }

  /** Appends the line; `answer(response)` runs once the line is written (this turn's end). */
  append(line: string, response: ServerResponse, answer: (response: ServerResponse) => void): void {
    if (this.closed) {
      answer(response);
      return;
    }
    this.text += line;
    this.responses.push(response);
    this.answers.push(answer);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
  }

  /** Writes what this turn gathered, then sends the answers that waited for it. */
  readonly flush = (): void => {
    this.scheduled = false;
    const text = this.text;
    const responses = this.responses;
    const answers = this.answers;
    this.text = '';
    this.responses = [];
    this.answers = [];
    if (text !== '') this.write(text, responses.length);
    for (let i = 0; i < responses.length; i += 1) answers[i]!(responses[i]!);
    if (this.written >= this.maxSegmentBytes && !this.closed) {
      try {
        this.rotate();
      } catch (error) {
        // The old segment stays open and in use; the next turn tries again.
        this.options.onError?.(error, 0);
      }
    }
  };

  private write(text: string, events: number): void {
    // After a torn write the torn line is ended first (TORN_LINE_END): it becomes a line of its
    // own that the ingester refuses, instead of the head of this batch's first line.
    const ending = this.torn ? TORN_LINE_END.length : 0;
    const bytes = Buffer.from(this.torn ? `${TORN_LINE_END}${text}` : text);
    let done = 0;
    try {
      while (done < bytes.length) done += this.writeBytes(this.fd, bytes, done);
      this.torn = false;
    } catch (error) {
      if (done > 0) this.torn = bytes[done - 1] !== LINE_FEED;
      // A line whose line feed landed will be stored; the rest of the batch is lost.
      this.options.onError?.(error, events - linesIn(bytes, ending, done));
    }
    this.written += done;
  }

  /** Closes this segment for the ingester (it may delete it once stored) and opens the next. */
  private rotate(): void {
    const path = newSegmentPath(this.dir);
    const fd = openSync(path, 'a', 0o600);
    this.closeSegment();
    this.path = path;
    this.fd = fd;
    this.written = 0;
    this.torn = false;
  }

  private closeSegment(): void {
    closeSync(this.fd);
    writeFileSync(closedMarker(this.path), '');
  }

  /** Writes and answers what waits, then closes the segment; later appends answer at once. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.closeSegment();
  }
}

/** The line feeds in `bytes` from `start` up to `end`: the lines written whole. */
function linesIn(bytes: Buffer, start: number, end: number): number {
  let lines = 0;
  for (let at = start; at < end; at += 1) if (bytes[at] === LINE_FEED) lines += 1;
  return lines;
}
