/** One message ready for the wire: the envelope and the complete RFC 5322 bytes. */
export interface OutgoingMail {
  /** MAIL FROM (Return-Path): the VERP bounce address, or the sender. */
  envelopeFrom: string;
  to: string;
  /** The Message-ID inside `raw` (the outbox transport is told it, so it invents none). */
  messageId: string;
  raw: Buffer;
  /**
   * Called just before the message is handed to a connection (or written to the outbox); the
   * message leaves only once it resolves. The queue makes its "on the wire" mark durable here.
   */
  onWire?: () => Promise<void>;
}
