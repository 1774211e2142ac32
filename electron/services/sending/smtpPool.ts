import DKIM from 'nodemailer/lib/dkim';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { OutgoingMail } from './messenger';
import type { DkimSigning } from './transport';

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
  resolve(): void;
  reject(error: unknown): void;
}

interface Pooled {
  connection: SMTPConnection;
  state: 'opening' | 'idle' | 'busy' | 'closed';
  sent: number;
  idleTimer?: ReturnType<typeof setTimeout>;
}

const DEFAULT_IDLE_MS = 30_000;
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
 * back to the caller either way: the queue decides about retries.
 */
export class SmtpPool {
  private readonly waiting: Waiting[] = [];
  private readonly pooled = new Set<Pooled>();
  private readonly dkim: DKIM | undefined;
  private closed = false;
  private noOpeningBefore = 0;

  constructor(private readonly options: SmtpPoolOptions) {
    this.dkim = options.dkim ? new DKIM(options.dkim) : undefined;
  }

  send(mail: OutgoingMail): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The mail connection pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ mail, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every connection politely; messages still waiting are refused. */
  close(): void {
    this.closed = true;
    for (const item of this.waiting.splice(0))
      item.reject(new Error('The mail connection pool is closed'));
    for (const pooled of [...this.pooled]) this.retire(pooled, 'quit');
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
      else this.retire(pooled, 'close');
      this.dispatch();
    });
    // The server closed the connection (idle timeout, restart): the next message takes a new one.
    connection.once('end', () => {
      if (pooled.state === 'opening') this.openFailed(pooled, closedBeforeReady());
      else this.retire(pooled, 'close');
      this.dispatch();
    });
    connection.connect((error) => {
      if (error) return this.openFailed(pooled, error);
      if (!this.options.auth) return this.ready(pooled);
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
    else for (const item of this.waiting.splice(0)) item.reject(error);
    this.retire(pooled, 'close');
  }

  private ready(pooled: Pooled): void {
    if (pooled.state === 'closed') return;
    this.becomeIdle(pooled);
  }

  private becomeIdle(pooled: Pooled): void {
    pooled.state = 'idle';
    clearTimeout(pooled.idleTimer);
    pooled.idleTimer = setTimeout(
      () => pooled.state === 'idle' && this.retire(pooled, 'quit'),
      this.options.idleMs ?? DEFAULT_IDLE_MS,
    );
    pooled.idleTimer.unref();
    this.dispatch();
  }

  private sendOn(pooled: Pooled, item: Waiting): void {
    pooled.state = 'busy';
    clearTimeout(pooled.idleTimer);
    const { mail } = item;
    const message = this.dkim ? this.dkim.sign(mail.raw) : mail.raw;
    pooled.connection.send({ from: mail.envelopeFrom, to: [mail.to] }, message, (error) => {
      if (!error) {
        item.resolve();
        pooled.sent += 1;
        if (pooled.sent >= this.options.maxMessages) this.retire(pooled, 'quit');
        else if (pooled.state === 'busy') this.becomeIdle(pooled);
        this.dispatch();
        return;
      }
      item.reject(error);
      if (pooled.state === 'busy' && refusedOnly(error, pooled.connection)) {
        // The server refused this message; the session is fine once reset.
        pooled.connection.reset((resetError) => {
          if (resetError) this.retire(pooled, 'close');
          else if (pooled.state === 'busy') this.becomeIdle(pooled);
          this.dispatch();
        });
        return;
      }
      this.retire(pooled, 'close');
      this.dispatch();
    });
  }

  private retire(pooled: Pooled, how: 'quit' | 'close'): void {
    if (pooled.state === 'closed') return;
    pooled.state = 'closed';
    clearTimeout(pooled.idleTimer);
    this.pooled.delete(pooled);
    if (how === 'quit') pooled.connection.quit();
    else pooled.connection.close();
  }
}

/** An answer about this message only (not 421, the server closing), on a connection still open. */
function refusedOnly(error: unknown, connection: SMTPConnection): boolean {
  const { code, responseCode } = error as { code?: string; responseCode?: number };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') && responseCode !== 421 && !connection.destroyed
  );
}

function closedBeforeReady(): Error {
  return Object.assign(new Error('The server closed the connection before it was ready'), {
    code: 'ECONNECTION',
  });
}
