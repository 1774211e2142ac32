import type { Readable, Transform, Writable } from 'node:stream';
import { dotStuffed } from './dotStuffing';

/**
 * nodemailer's data stream: dot-stuffing and the final dot, which follows its `lastByte`; its
 * byte counts become the send's `messageSize` and its log line.
 */
type DataStream = Transform & {
  lastByte: number | false;
  inByteCount: number;
  outByteCount: number;
};

/**
 * A message's bytes for nodemailer's `SMTPConnection.send`, in place of a stream, held back until
 * `release` (the queue's "on the wire" mark is on disk). `send` pipes a message stream into its
 * data stream only once the server has answered DATA with 354; the bytes go there when that has
 * happened and they are released, in one write as for a Buffer. No Readable of our own: a stream
 * per message cost more CPU than holding the bytes needs.
 * The bytes are pushed already dot-stuffed (`dotStuffing.ts`, far cheaper than the data stream's
 * byte-by-byte scan), with its `lastByte` set so that its end writes the right final dot; a
 * message with bare line ends, or a data stream without `lastByte`, is written through the
 * stream as it is. `test/integration/sending/smtpPool.test.ts` pins both (`send` calls `pipe`,
 * and a line that starts with a dot arrives as it was).
 */
export class HeldMessage {
  private destination: Writable | undefined;
  private released: boolean;
  private cancelled = false;
  private handed = false;

  constructor(
    private readonly bytes: Buffer,
    { released = false }: { released?: boolean } = {},
  ) {
    this.released = released;
  }

  /** Called by `SMTPConnection.send` once the envelope is accepted. */
  pipe(destination: Writable): Writable {
    this.destination = destination;
    this.writeWhenBothReady();
    return destination;
  }

  /** The mark is on disk: the bytes may go. */
  release(): void {
    this.released = true;
    this.writeWhenBothReady();
  }

  /** The mark failed: the bytes never go (the caller cuts the connection). */
  cancel(): void {
    this.cancelled = true;
  }

  /**
   * The bytes and their final dot went to the data stream (after the server's 354): from here on,
   * until the server's reply, the server may have the whole message.
   */
  get handedOver(): boolean {
    return this.handed;
  }

  /** What `SMTPConnection.send` takes: it needs nothing of a stream but `pipe`. */
  asMessage(): Readable {
    return this as unknown as Readable;
  }

  private writeWhenBothReady(): void {
    const destination = this.destination;
    if (!this.released || this.cancelled || !destination) return;
    this.destination = undefined;
    this.handed = true;
    const stuffed = isDataStream(destination) ? dotStuffed(this.bytes) : undefined;
    if (stuffed && stuffed.length > 0) {
      const data = destination as DataStream;
      data.push(stuffed);
      data.lastByte = stuffed[stuffed.length - 1]!;
      // What its transform would have counted for these bytes (the final dot counts itself).
      data.inByteCount += this.bytes.length;
      data.outByteCount += stuffed.length;
    } else destination.write(this.bytes);
    destination.end();
  }
}

function isDataStream(destination: Writable): boolean {
  return 'lastByte' in destination && typeof (destination as DataStream).push === 'function';
}
