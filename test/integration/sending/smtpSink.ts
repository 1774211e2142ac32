import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  messageId: string | undefined;
}

/** A reply the sink gives instead of accepting: at RCPT TO, or after the message data. */
export interface SinkReply {
  code: number;
  message: string;
}

export interface SinkBehaviour {
  /** Called when a client connects. */
  onConnect?: () => void;
  /** Clients wait for the greeting while set (none can begin a message); given when replaced. */
  holdGreeting?: boolean;
  /** Called for each MAIL FROM with the message's number in its session (1, 2, …). */
  onMailFrom?: (transaction: number) => SinkReply | undefined;
  /** Called for each RCPT TO; a reply rejects that recipient, 'drop' closes the connection. */
  onRecipient?: (address: string) => SinkReply | 'drop' | undefined;
  /**
   * Called after DATA with the whole message; 'drop' closes the connection before the reply (the
   * message is not kept); 'acceptAndDrop' keeps it and then closes the connection without a
   * reply: a server that queued the message and died before it could say so.
   */
  onMessage?: (mail: ReceivedMail) => SinkReply | 'drop' | 'acceptAndDrop' | undefined;
  /** The final reply to each message comes this much later (a slow server). */
  replyDelayMs?: number;
  /** Called right after a message was accepted and its reply written. */
  afterReply?: (mail: ReceivedMail) => void;
  /** Credentials that pass AUTH; without it any login passes. */
  credentials?: { user: string; pass: string };
  /** false: only count what arrives (benchmarks), keep no bytes. */
  keep?: boolean;
  /** More connections at once get "421 Too many connected clients" (fixed when the sink starts). */
  maxClients?: number;
  /** A relay that offers no AUTH at all (fixed when the sink starts). */
  noAuth?: boolean;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Messages accepted, also when not kept. */
  readonly count: number;
  /** Bytes of message data accepted (after dot-unstuffing), also when not kept. */
  readonly bytes: number;
  behaviour: SinkBehaviour;
  /** TCP connections opened so far (refused ones too), and sessions still open. */
  readonly connections: number;
  /** Reads from client sockets so far: how many pieces the clients' bytes arrived in. */
  readonly reads: number;
  readonly openConnections: number;
  /** AUTH attempts so far, successful or not. */
  readonly logins: number;
  /** Ends every open connection, as a server does with idle ones. */
  endConnections(): void;
  close(): Promise<void>;
}

const MESSAGE_ID = /^message-id:\s*(<[^>\r\n]+>)/im;

/** A real SMTP server (the smtp-server package) on 127.0.0.1 that keeps what it accepts. */
export async function startSmtpSink(behaviour: SinkBehaviour = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let accepted = 0;
  let acceptedBytes = 0;
  let connections = 0;
  let reads = 0;
  let logins = 0;
  const sink = { behaviour };
  let heldGreetings: (() => void)[] = [];
  const server = new SMTPServer({
    disabledCommands: behaviour.noAuth ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    size: 50 * 1024 * 1024,
    ...(behaviour.maxClients ? { maxClients: behaviour.maxClients } : {}),
    onAuth(auth, _session, callback) {
      logins += 1;
      const wanted = sink.behaviour.credentials;
      if (wanted && (auth.username !== wanted.user || auth.password !== wanted.pass)) {
        const error = new Error('5.7.8 Authentication credentials invalid') as Error & {
          responseCode: number;
        };
        error.responseCode = 535;
        callback(error);
        return;
      }
      callback(null, { user: auth.username });
    },
    onConnect(_session, callback) {
      // Read once: a hook that replaces the behaviour must not greet a held client twice.
      const hold = sink.behaviour.holdGreeting;
      if (hold) heldGreetings.push(() => callback());
      sink.behaviour.onConnect?.();
      if (!hold) callback();
    },
    onMailFrom(_address, session, callback) {
      const reply = sink.behaviour.onMailFrom?.(session.transaction);
      if (reply) callback(replyError(reply));
      else callback();
    },
    onRcptTo(address, session, callback) {
      const reply = sink.behaviour.onRecipient?.(address.address);
      if (reply === 'drop') dropConnection(server, session.id);
      else if (reply) callback(replyError(reply));
      else callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: MESSAGE_ID.exec(raw.subarray(0, 8192).toString('latin1'))?.[1],
        };
        const reply = sink.behaviour.onMessage?.(mail);
        if (reply === 'drop') {
          dropConnection(server, session.id);
          return;
        }
        if (reply === 'acceptAndDrop') {
          accepted += 1;
          acceptedBytes += raw.length;
          received.push(mail);
          dropConnection(server, session.id);
          return;
        }
        if (reply) {
          callback(replyError(reply));
          return;
        }
        const accept = () => {
          accepted += 1;
          acceptedBytes += raw.length;
          if (sink.behaviour.keep !== false) received.push(mail);
          callback(null, 'Ok: queued');
          sink.behaviour.afterReply?.(mail);
        };
        const delay = sink.behaviour.replyDelayMs ?? 0;
        if (delay > 0) setTimeout(accept, delay);
        else accept();
      });
    },
  });
  // A client that dies mid-session (the crash test) resets its socket: expected, not a failure.
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    connections += 1;
    socket.on('data', () => (reads += 1));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    get count() {
      return accepted;
    },
    get bytes() {
      return acceptedBytes;
    },
    get reads() {
      return reads;
    },
    get connections() {
      return connections;
    },
    get openConnections() {
      return sessionsOf(server).size;
    },
    get logins() {
      return logins;
    },
    endConnections() {
      for (const connection of sessionsOf(server)) connection._socket.end();
    },
    get behaviour() {
      return sink.behaviour;
    },
    set behaviour(value: SinkBehaviour) {
      sink.behaviour = value;
      const held = heldGreetings;
      heldGreetings = [];
      for (const greet of held) greet();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function replyError(reply: SinkReply): Error {
  const error = new Error(reply.message) as Error & { responseCode: number };
  error.responseCode = reply.code;
  return error;
}

/** smtp-server's open sessions (not a public API: the tests need to cut them). */
function sessionsOf(server: SMTPServer): Set<{ id: string; _socket: Socket }> {
  return (server as unknown as { connections: Set<{ id: string; _socket: Socket }> }).connections;
}

/** Closes the TCP connection of one session, as a crashing or flaky server would. */
function dropConnection(server: SMTPServer, sessionId: string): void {
  for (const connection of sessionsOf(server))
    if (connection.id === sessionId) connection._socket.destroy();
}
