import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterEach, describe, expect, it } from 'vitest';
import { HeldMessage } from '../../../electron/services/sending/heldMessage';
import { MaybeDeliveredError } from '../../../electron/services/sending/maybeDelivered';
import type { OutgoingMail } from '../../../electron/services/sending/messenger';
import { SmtpPool, type SmtpPoolOptions } from '../../../electron/services/sending/smtpPool';
import { connectionOptions } from '../../../electron/services/sending/transport';
import { until } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

function mail(i: number): OutgoingMail {
  const messageId = `<m${i}@bakkerij.nl>`;
  const raw = Buffer.from(
    [
      'From: Bakkerij Jansen <nieuws@bakkerij.nl>',
      `To: klant${i}@example.nl`,
      'Subject: Verse stol',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      `Beste klant ${i},`,
      '.Deze regel begint met een punt.',
      '',
    ].join('\r\n'),
  );
  return { envelopeFrom: 'bounce@bakkerij.nl', to: `klant${i}@example.nl`, messageId, raw };
}

describe('the send queue connection pool', () => {
  let sink: SmtpSink | undefined;
  let pool: SmtpPool | undefined;
  afterEach(async () => {
    pool?.close();
    await sink?.close();
    sink = pool = undefined;
  });

  const poolFor = (port: number, extra: Partial<SmtpPoolOptions> = {}) =>
    new SmtpPool({
      connection: connectionOptions({ host: '127.0.0.1', port, security: 'none', user: '' }),
      maxConnections: 3,
      maxMessages: 100,
      ...extra,
    });

  it('a message ends only after its onWire mark, one per connection; a failed mark delivers nothing', async () => {
    const marked = new Set<string>();
    let unfinished = 0;
    let most = 0;
    sink = await startSmtpSink({
      // The server has the whole message only after its final dot: by then it must be marked.
      onMessage: (received) => {
        expect(marked.has(received.messageId ?? ''), received.messageId).toBe(true);
        return undefined;
      },
      afterReply: () => (unfinished -= 1),
    });
    pool = poolFor(sink.port);
    const withMark = (i: number): OutgoingMail => ({
      ...mail(i),
      onWire: async () => {
        unfinished += 1;
        most = Math.max(most, unfinished);
        await new Promise((resolve) => setTimeout(resolve, 5));
        marked.add(mail(i).messageId);
      },
    });
    await Promise.all(Array.from({ length: 12 }, (_, i) => pool!.send(withMark(i))));
    expect(sink.received).toHaveLength(12);
    expect(most).toBeLessThanOrEqual(3);

    const refused = { ...mail(99), onWire: () => Promise.reject(new Error('disk full')) };
    await expect(pool.send(refused)).rejects.toThrow();
    expect(sink.received.map((m) => m.messageId)).not.toContain('<m99@bakkerij.nl>');
    // The pool carries on with the next message (one without a mark).
    sink.behaviour = {};
    await pool.send(mail(100));
    expect(sink.received).toHaveLength(13);
  });

  it('sends the envelope while the mark is written and the message only once it is; a mark failing after the envelope delivers nothing', async () => {
    const envelopes: string[] = [];
    sink = await startSmtpSink({
      onRecipient: (address) => {
        envelopes.push(address);
        return undefined;
      },
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    const held = (i: number) => {
      const mark: { resolve?: () => void; reject?: (error: Error) => void } = {};
      const sending = pool!.send({
        ...mail(i),
        onWire: () =>
          new Promise<void>((resolve, reject) => Object.assign(mark, { resolve, reject })),
      });
      return { mark, sending };
    };

    const first = held(1);
    await until(
      'the envelope at the server',
      () => envelopes.length,
      (n) => n === 1,
    );
    expect(sink.received).toHaveLength(0);
    first.mark.resolve!();
    await first.sending;
    expect(sink.received.map((m) => m.messageId)).toEqual(['<m1@bakkerij.nl>']);

    const second = held(2);
    await until(
      'the second envelope at the server',
      () => envelopes.length,
      (n) => n === 2,
    );
    second.mark.reject!(new Error('disk full'));
    await expect(second.sending).rejects.toThrow('disk full');
    // The server never got its data: the connection was cut, and the next message takes a new one.
    await pool.send(mail(3));
    expect(sink.received.map((m) => m.messageId)).toEqual(['<m1@bakkerij.nl>', '<m3@bakkerij.nl>']);
    expect(sink.connections).toBe(2);
  });

  it('sends dot-stuffed bytes the server gives back exactly, also for bare line ends and with a mark', async () => {
    sink = await startSmtpSink();
    pool = poolFor(sink.port, { maxConnections: 1 });
    const bodies = [
      '.Begint met een punt\r\n..twee\r\n.\r\nslot.',
      'Zonder punt aan het begin\r\n',
      // Bare line ends go through nodemailer's own stream, which makes them CRLF.
      'kaal\nregeleinde\n.punt\r\n',
    ];
    for (const [i, body] of bodies.entries()) {
      const { raw, ...rest } = mail(i);
      const withBody = Buffer.concat([raw, Buffer.from(body)]);
      await pool.send({ ...rest, raw: withBody });
      await pool.send({ ...rest, raw: withBody, onWire: () => Promise.resolve() });
    }
    const expected = [
      '.Begint met een punt\r\n..twee\r\n.\r\nslot.\r\n',
      'Zonder punt aan het begin\r\n',
      'kaal\r\nregeleinde\r\n.punt\r\n',
    ].map((body, i) => Buffer.concat([mail(i).raw, Buffer.from(body)]).toString());
    expect(sink.received.map((m) => m.raw.toString())).toEqual(
      expected.flatMap((message) => [message, message]),
    );
  });

  it("counts the held bytes in nodemailer's messageSize as for a message it stuffs itself", async () => {
    sink = await startSmtpSink();
    const connection = new SMTPConnection(
      connectionOptions({ host: '127.0.0.1', port: sink.port, security: 'none', user: '' }),
    );
    await new Promise<void>((resolve, reject) =>
      connection.connect((error) => (error ? reject(error) : resolve())),
    );
    const { raw, envelopeFrom, to } = mail(1);
    const sizeOf = (message: Parameters<SMTPConnection['send']>[1]) =>
      new Promise<number>((resolve, reject) =>
        connection.send({ from: envelopeFrom, to: [to] }, message, (error, info) =>
          error ? reject(error) : resolve(info.messageSize),
        ),
      );
    const held = new HeldMessage(raw, { released: true }).asMessage();
    const stuffedByNodemailer = await sizeOf(raw);
    expect(await sizeOf(held)).toBe(stuffedByNodemailer);
    // The line that starts with a dot got a second one, and the end its final dot.
    expect(stuffedByNodemailer).toBeGreaterThan(raw.length);
    connection.quit();
  });

  it('delivers every message once over at most maxConnections, a fresh one after maxMessages', async () => {
    let mostInOneSession = 0;
    sink = await startSmtpSink({
      onMailFrom: (transaction) => {
        mostInOneSession = Math.max(mostInOneSession, transaction);
        return undefined;
      },
    });
    pool = poolFor(sink.port, { maxMessages: 10 });
    await Promise.all(Array.from({ length: 60 }, (_, i) => pool!.send(mail(i))));
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => `<m${i}@bakkerij.nl>`).sort(),
    );
    expect(sink.received.map((m) => m.from)).toEqual(Array(60).fill('bounce@bakkerij.nl'));
    // The bytes arrive as given: dot-stuffing on the wire is undone by the server.
    expect(sink.received[0]!.raw.toString()).toContain('\r\n.Deze regel begint met een punt.');
    // No connection carries more than maxMessages; the pool opens a fresh one only to replace a
    // retired one, so 60 messages need 6 connections, plus at most 2 that were still partly used
    // when the queue ran out (which ones retire first depends on timing).
    expect(mostInOneSession).toBe(10);
    expect(sink.connections).toBeGreaterThanOrEqual(6);
    expect(sink.connections).toBeLessThanOrEqual(8);
    await until(
      'the finished connections to close',
      () => sink!.openConnections,
      (n) => n <= 3,
    );
  });

  it('a refused recipient fails that message only, and the connection is kept', async () => {
    sink = await startSmtpSink({
      onRecipient: (address) =>
        address === 'klant2@example.nl'
          ? { code: 550, message: '5.1.1 <klant2@example.nl>: Recipient address rejected' }
          : undefined,
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => pool!.send(mail(i))),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const refused = (outcomes[2] as PromiseRejectedResult).reason as { responseCode: number };
    expect(refused.responseCode).toBe(550);
    expect(sink.received).toHaveLength(4);
    expect(sink.connections).toBe(1);
  });

  it('a server that allows fewer connections gets no new attempts while the others work', async () => {
    sink = await startSmtpSink({ maxClients: 2 });
    pool = poolFor(sink.port, { maxConnections: 3 });
    await Promise.all(Array.from({ length: 60 }, (_, i) => pool!.send(mail(i))));
    expect(sink.received).toHaveLength(60);
    // Two accepted, one refused with 421; not one attempt per message.
    expect(sink.connections).toBe(3);
  });

  it('a wrong password fails every waiting message with 535, without a login per message', async () => {
    sink = await startSmtpSink({ credentials: { user: 'winkel', pass: 'goed' } });
    pool = poolFor(sink.port, { auth: { user: 'winkel', pass: 'fout' } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => pool!.send(mail(i))),
    );
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    const codes = outcomes.map(
      (o) => ((o as PromiseRejectedResult).reason as { responseCode?: number }).responseCode,
    );
    expect(new Set(codes)).toEqual(new Set([535]));
    expect(sink.logins).toBeLessThanOrEqual(3);
    expect(sink.received).toHaveLength(0);
  });

  it('logs in with the right password', async () => {
    sink = await startSmtpSink({ credentials: { user: 'winkel', pass: 'goed' } });
    pool = poolFor(sink.port, { auth: { user: 'winkel', pass: 'goed' }, maxConnections: 2 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => pool!.send(mail(i))));
    expect(sink.received).toHaveLength(10);
    expect(sink.logins).toBe(2);
  });

  it('does not log in where the server offers no AUTH (a relay that allows by address)', async () => {
    sink = await startSmtpSink({ noAuth: true });
    pool = poolFor(sink.port, { auth: { user: 'winkel', pass: 'geheim' } });
    await Promise.all([0, 1].map((i) => pool!.send(mail(i))));
    expect(sink.received).toHaveLength(2);
    expect(sink.logins).toBe(0);
  });

  it('a connection the server closed while idle is replaced without a failed message', async () => {
    sink = await startSmtpSink();
    pool = poolFor(sink.port, { maxConnections: 2 });
    await Promise.all([pool.send(mail(0)), pool.send(mail(1))]);
    expect(sink.connections).toBe(2);
    sink.endConnections();
    await until(
      'the server to close both',
      () => sink!.openConnections,
      (n) => n === 0,
    );
    // The client notices the close a moment later; the next messages take new connections.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([pool.send(mail(2)), pool.send(mail(3))]);
    expect(sink.received).toHaveLength(4);
    expect(sink.connections).toBe(4);
  });

  it('a reused connection the server ends at MAIL FROM (421) sends that message again on a new one', async () => {
    // A server that allows two messages per session.
    sink = await startSmtpSink({
      onMailFrom: (n) =>
        n > 2 ? { code: 421, message: '4.7.0 Too many messages in this session' } : undefined,
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    await Promise.all(Array.from({ length: 5 }, (_, i) => pool!.send(mail(i))));
    expect(sink.received.map((m) => m.to[0])).toEqual(
      Array.from({ length: 5 }, (_, i) => `klant${i}@example.nl`),
    );
    expect(sink.connections).toBe(3);
  });

  it('a 421 at MAIL FROM on a fresh connection fails the message: no endless resending', async () => {
    sink = await startSmtpSink({
      onMailFrom: () => ({ code: 421, message: '4.7.0 Try again later' }),
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    const refused = await pool.send(mail(0)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ responseCode: 421 });
    expect(sink.connections).toBe(1);
  });

  it('a connection broken after the data and before the answer fails that message as maybe delivered', async () => {
    for (const onKlant1 of ['drop', 'acceptAndDrop'] as const) {
      sink = await startSmtpSink({
        onMessage: (m) => (m.to.includes('klant1@example.nl') ? onKlant1 : undefined),
      });
      pool = poolFor(sink.port, { maxConnections: 1 });
      const outcomes = await Promise.allSettled([0, 1, 2].map((i) => pool!.send(mail(i))));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const reason = (outcomes[1] as PromiseRejectedResult).reason as MaybeDeliveredError;
      expect(reason).toBeInstanceOf(MaybeDeliveredError);
      expect(reason.code).toMatch(/^E(CONNECTION|SOCKET)$/);
      // Whether the server kept it or not, the pool cannot tell, and never sends it again.
      expect(sink.received.map((m) => m.to[0])).toEqual(
        onKlant1 === 'drop'
          ? ['klant0@example.nl', 'klant2@example.nl']
          : ['klant0@example.nl', 'klant1@example.nl', 'klant2@example.nl'],
      );
      pool.close();
      await sink.close();
    }
    sink = pool = undefined;
  });

  it('a connection broken before the data fails that message with a plain network error', async () => {
    sink = await startSmtpSink({
      onRecipient: (address) => (address === 'klant1@example.nl' ? 'drop' : undefined),
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    const outcomes = await Promise.allSettled([0, 1, 2].map((i) => pool!.send(mail(i))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (outcomes[1] as PromiseRejectedResult).reason as { code: string };
    expect(reason).not.toBeInstanceOf(MaybeDeliveredError);
    expect(reason.code).toMatch(/^E(CONNECTION|SOCKET)$/);
    expect(sink.received.map((m) => m.to[0])).toEqual(['klant0@example.nl', 'klant2@example.nl']);
  });

  it('a 421 the server says instead of answering the data is an answer, not a maybe', async () => {
    sink = await startSmtpSink({
      onMessage: (m) =>
        m.to.includes('klant1@example.nl')
          ? { code: 421, message: '4.3.2 Service shutting down' }
          : undefined,
    });
    pool = poolFor(sink.port, { maxConnections: 1 });
    const outcomes = await Promise.allSettled([0, 1, 2].map((i) => pool!.send(mail(i))));
    const reason = (outcomes[1] as PromiseRejectedResult).reason as { responseCode: number };
    expect(reason).not.toBeInstanceOf(MaybeDeliveredError);
    expect(reason.responseCode).toBe(421);
    expect(sink.received.map((m) => m.to[0])).toEqual(['klant0@example.nl', 'klant2@example.nl']);
  });

  it('a closed port fails the waiting messages with the system error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    pool = poolFor(freePort);
    const outcomes = await Promise.allSettled([0, 1].map((i) => pool!.send(mail(i))));
    expect(
      outcomes.map(
        (o) => ((o as PromiseRejectedResult).reason as { originalCode?: string }).originalCode,
      ),
    ).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });

  it('close() lets a message on its way finish, then quits', async () => {
    let onItsWay: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (onItsWay = resolve));
    sink = await startSmtpSink({
      onRecipient: () => {
        onItsWay();
        return undefined;
      },
    });
    pool = poolFor(sink.port);
    const sent = pool.send(mail(0));
    await reached;
    pool.close();
    await sent;
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.raw.toString()).toMatch(/^From: Bakkerij Jansen/);
    await until(
      'the session to end',
      () => sink!.openConnections,
      (n) => n === 0,
    );
  });

  it('close() while a connection is still being opened refuses the message and leaves nothing open', async () => {
    sink = await startSmtpSink();
    pool = new SmtpPool({
      // A host name: the connection starts with a DNS lookup.
      connection: connectionOptions({
        host: 'localhost',
        port: sink.port,
        security: 'none',
        user: '',
      }),
      maxConnections: 3,
      maxMessages: 100,
    });
    const sent = pool.send(mail(0)).catch((error: unknown) => error);
    expect(() => pool!.close()).not.toThrow();
    expect(await sent).toMatchObject({ message: expect.stringMatching(/closed/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.openConnections).toBe(0);
    expect(sink.received).toHaveLength(0);
  });

  it('closes a connection left idle, and refuses messages once closed', async () => {
    sink = await startSmtpSink();
    pool = poolFor(sink.port, { idleMs: 50 });
    await pool.send(mail(0));
    await until(
      'the idle connection to close',
      () => sink!.openConnections,
      (n) => n === 0,
    );
    pool.close();
    await expect(pool.send(mail(1))).rejects.toThrow(/closed/);
  });

  it('signs each message with DKIM when a key is given', async () => {
    sink = await startSmtpSink();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    pool = poolFor(sink.port, {
      dkim: {
        domainName: 'bakkerij.nl',
        keySelector: 'wp20261122',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    await Promise.all([0, 1].map((i) => pool!.send(mail(i))));
    for (const received of sink.received) {
      const header = received.raw.toString().split('\r\n\r\n')[0]!;
      expect(header).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m);
      expect(header).toContain('d=bakkerij.nl');
      expect(header).toContain('s=wp20261122');
    }
  });
});
