import type { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { OutgoingMail } from './outgoingMail';
import { DkimSigner, type DkimSigning } from './dkimSigner';
import { HeldMessage } from './heldMessage';
import { MaybeDeliveredError, serverAnswered } from './maybeDelivered';

export interface SmtpPoolOptions {
  /** Where and how to connect: host, port, TLS and the explicit timeouts. */
  connection: SMTPConnection.Options;
  auth?: { user: string; pass: string };
  maxConnections: number;
  /** Servers often cap messages per connection; a fresh connection after this many costs little. */
  maxMessages: number;
  dkim?: DkimSigning;
  /** A connection with nothing to do for this long is closed before the server drops it. */
  idleMs?: number;
}

interface Waiting {
  mail: OutgoingMail;
  settled: boolean;
  /** Sent again once already, after a reused connection turned out closed before DATA. */
  requeued: boolean;
  /** Its bytes on their current connection (`handedOver` once they went to the server). */
  held?: HeldMessage;
  resolve(): void;
  reject(error: unknown): void;
}

interface Pooled {
  connection: SMTPConnection;
  /** `quitting`: QUIT sent; it still counts against maxConnections until the server closes. */
  state: 'opening' | 'idle' | 'busy' | 'quitting' | 'closed';
  sent: number;
  item?: Waiting;
  timer?: ReturnType<typeof setTimeout>;
}

const DEFAULT_IDLE_MS = 30_000;
/** A server that does not answer QUIT is cut off after this long. */
const QUIT_WAIT_MS = 2_000;
/**
 * After a connection could not be opened while others work (a server allowing fewer connections
 * than maxConnections answers 421), no new one is tried for this long: the working ones carry on.
 */
const REOPEN_AFTER_MS = 10_000;

/**
 * The send queue's connections to the mail server: nodemailer's SMTP client (TLS, STARTTLS, AUTH,
 * PIPELINING, timeouts and its error objects) under a pool of our own that hands each connection
 * the finished message bytes. nodemailer's own pool runs every raw message through its composer
 * and stream pipeline as well, which doubled the CPU per mail (see the send benchmark).
 *
 * A refused message (5xx/4xx on the envelope or data) resets its connection and keeps it; a broken
 * connection is dropped and a new one opened for the next message. The failed message is handed
 * back to the caller (the queue decides about retries), except one that never got to DATA on a
 * reused connection the server had closed meanwhile: it goes out once more on a new one, as with
 * nodemailer's pool. A connection that breaks after a message's data went and before the server
 * answered it fails that message with MaybeDeliveredError: the server may have it.
 */
export class SmtpPool {
  private readonly waiting: Waiting[] = [];
  private readonly pooled = new Set<Pooled>();
  private readonly dkim: DkimSigner | undefined;
  private closed = false;
  private noOpeningBefore = 0;

  constructor(private readonly options: SmtpPoolOptions) {
    this.dkim = options.dkim ? new DkimSigner(options.dkim) : undefined;
  }

  send(mail: OutgoingMail): Promise<void> {
    if (this.closed) return Promise.reject(poolClosed());
    return new Promise((resolve, reject) => {
      this.waiting.push({ mail, settled: false, requeued: false, resolve, reject });
      this.dispatch();
    });
  }

  /** Takes nothing new: messages on their way finish, waiting ones are refused, idle ones quit. */
  close(): void {
    this.closed = true;
    for (const item of this.waiting.splice(0)) settle(item, poolClosed());
    for (const pooled of [...this.pooled]) {
      if (pooled.state === 'idle') this.quit(pooled);
      else if (pooled.state === 'opening') this.drop(pooled);
    }
  }

  private dispatch(): void {
    for (const pooled of this.pooled) {
      if (this.waiting.length === 0) return;
      if (pooled.state === 'idle') this.sendOn(pooled, this.waiting.shift()!);
    }
    let opening = 0;
    for (const pooled of this.pooled) if (pooled.state === 'opening') opening += 1;
    // Waiting messages always have a connection working or on its way.
    if (this.pooled.size > 0 && Date.now() < this.noOpeningBefore) return;
    while (this.waiting.length > opening && this.pooled.size < this.options.maxConnections) {
      this.open();
      opening += 1;
    }
  }

  private open(): void {
    const connection = new SMTPConnection(this.options.connection);
    const pooled: Pooled = { connection, state: 'opening', sent: 0 };
    this.pooled.add(pooled);
    connection.on('error', (error) => {
      // While a message is on the way its send callback gets this same error and decides.
      if (pooled.state === 'opening') this.openFailed(pooled, error);
      else if (pooled.state !== 'quitting') this.drop(pooled);
      this.dispatch();
    });
    // Closed by either side (idle timeout, restart, QUIT): the next message takes a new one.
    connection.once('end', () => {
      if (pooled.state === 'opening') this.openFailed(pooled, closedBeforeReady());
      else this.forget(pooled);
      // A message on its way gets the connection's own error from its send callback, right
      // after this; should that never come, it must not wait forever.
      const item = pooled.item;
      if (item) setImmediate(() => pooled.item === item && settle(item, brokenOff(item)));
      this.dispatch();
    });
    connection.connect((error) => {
      if (error) return this.openFailed(pooled, error);
      // As nodemailer does: a relay that allows by address offers no AUTH, and a login would fail.
      if (!this.options.auth || !connection.allowsAuth) return this.ready(pooled);
      connection.login(this.options.auth, (loginError) =>
        loginError ? this.openFailed(pooled, loginError) : this.ready(pooled),
      );
    });
  }

  /**
   * With no other connection open or opening, nothing can go out: every waiting message gets the
   * error (a wrong password or a closed port), rather than a new login attempt per message. With
   * others, they take the waiting messages and no new connection is tried for a while.
   */
  private openFailed(pooled: Pooled, error: unknown): void {
    if (pooled.state !== 'opening') return;
    // Decided before the close: closing emits 'end', whose dispatch must find no one waiting.
    if (this.pooled.size > 1) this.noOpeningBefore = Date.now() + REOPEN_AFTER_MS;
    else for (const item of this.waiting.splice(0)) settle(item, error);
    this.drop(pooled);
  }

  private ready(pooled: Pooled): void {
    if (pooled.state !== 'opening') return;
    if (this.closed) this.quit(pooled);
    else this.becomeIdle(pooled);
  }

  private becomeIdle(pooled: Pooled): void {
    pooled.state = 'idle';
    pooled.item = undefined;
    clearTimeout(pooled.timer);
    pooled.timer = setTimeout(
      () => pooled.state === 'idle' && this.quit(pooled),
      this.options.idleMs ?? DEFAULT_IDLE_MS,
    );
    pooled.timer.unref();
    this.dispatch();
  }

  /**
   * The seam for the queue's "on the wire" mark (`onWire`): the message has its connection (one
   * at a time), and its envelope goes out at once while the mark is written, but not one byte of
   * the message itself until the mark is on disk. So the envelope's round trip (MAIL FROM, RCPT
   * TO, DATA and the server's 354) overlaps the mark's commit and sync instead of following it,
   * and a crash or a failed mark before then leaves the server nothing: without the data and its
   * final dot there is no message, and a failed mark drops the connection mid-transaction.
   * The bytes then go in one write as a bare pool sends them (no stream of ours in between).
   */
  private sendOn(pooled: Pooled, item: Waiting): void {
    pooled.state = 'busy';
    pooled.item = item;
    clearTimeout(pooled.timer);
    const { mail } = item;
    const message = this.dkim ? this.dkim.sign(mail.raw) : mail.raw;
    if (!mail.onWire) {
      item.held = new HeldMessage(message, { released: true });
      return this.transmit(pooled, item, item.held.asMessage());
    }
    const held = new HeldMessage(message);
    item.held = held;
    const current = () => pooled.state === 'busy' && pooled.item === item;
    mail.onWire().then(
      () => current() && held.release(),
      (error: unknown) => {
        if (!current()) return;
        held.cancel();
        settle(item, error);
        // The server may be waiting for the data already: only a cut connection leaves it nothing.
        this.drop(pooled);
        this.dispatch();
      },
    );
    this.transmit(pooled, item, held.asMessage());
  }

  private transmit(pooled: Pooled, item: Waiting, message: Readable): void {
    const { mail } = item;
    pooled.connection.send({ from: mail.envelopeFrom, to: [mail.to] }, message, (error) => {
      if (!error) {
        settle(item);
        pooled.sent += 1;
        this.afterMessage(pooled);
        return;
      }
      if (pooled.state === 'busy' && refusedOnly(error, pooled.connection)) {
        settle(item, error);
        // The server refused this message; the session is fine once reset.
        pooled.connection.reset((resetError) => {
          if (resetError) this.drop(pooled);
          else this.afterMessage(pooled);
          this.dispatch();
        });
        return;
      }
      // Broken after the data went and before the server's answer: it may have the message.
      if (item.held?.handedOver && !serverAnswered(error)) {
        settle(item, new MaybeDeliveredError(error));
        this.drop(pooled);
        this.dispatch();
        return;
      }
      const resend = pooled.sent > 0 && !item.requeued && !item.settled && !this.closed;
      if (resend && closedBeforeData(error)) {
        item.requeued = true;
        pooled.item = undefined;
        this.waiting.unshift(item);
      } else {
        settle(item, error);
      }
      this.drop(pooled);
      this.dispatch();
    });
  }

  /** The connection is free again: it takes the next message, or quits when it is done. */
  private afterMessage(pooled: Pooled): void {
    if (pooled.state !== 'busy') return;
    if (this.closed || pooled.sent >= this.options.maxMessages) {
      this.quit(pooled);
      this.dispatch();
    } else this.becomeIdle(pooled);
  }

  /** Ends a healthy idle session politely; the server's close removes it from the pool. */
  private quit(pooled: Pooled): void {
    pooled.state = 'quitting';
    pooled.item = undefined;
    clearTimeout(pooled.timer);
    pooled.connection.quit();
    pooled.timer = setTimeout(() => pooled.connection.close(), QUIT_WAIT_MS);
    pooled.timer.unref();
  }

  /** Cuts a connection that is broken, failed to open, or is still opening when the pool closes. */
  private drop(pooled: Pooled): void {
    if (pooled.state === 'closed') return;
    this.forget(pooled);
    pooled.connection.close();
  }

  private forget(pooled: Pooled): void {
    pooled.state = 'closed';
    clearTimeout(pooled.timer);
    this.pooled.delete(pooled);
  }
}

function settle(item: Waiting, error?: unknown): void {
  if (item.settled) return;
  item.settled = true;
  if (error === undefined) item.resolve();
  else item.reject(error);
}

/** An answer about this message only (not 421, the server closing), on a connection still open. */
function refusedOnly(error: unknown, connection: SMTPConnection): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') && responseCode !== 421 && !connection.destroyed
  );
}

/**
 * The connection ended before a byte of the message was written: found closed when the message
 * was handed over, or a 421 to MAIL FROM or RCPT TO (a server ending the session). After DATA the
 * server may have the message, so that case is never sent again here.
 */
function closedBeforeData(error: unknown): boolean {
  const { code, responseCode, command } = error as {
    code?: string;
    responseCode?: number;
    command?: string;
  };
  const transient =
    responseCode === 421 || code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT';
  return transient && (command === 'API' || command === 'MAIL FROM' || command === 'RCPT TO');
}

function closedBeforeReady(): Error {
  return Object.assign(new Error('The server closed the connection before it was ready'), {
    code: 'ECONNECTION',
  });
}

/** The error for a message whose connection ended without a word about it. */
function brokenOff(item: Waiting): Error {
  return item.held?.handedOver ? new MaybeDeliveredError(closedMidMessage()) : closedMidMessage();
}

function closedMidMessage(): Error {
  return Object.assign(new Error('The connection closed while a message was on its way'), {
    code: 'ECONNECTION',
  });
}

function poolClosed(): Error {
  return new Error('The mail connection pool is closed');
}
