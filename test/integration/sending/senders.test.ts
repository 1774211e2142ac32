import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testSmtpConnection } from '../../../electron/services/senders/smtpTest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, seedMailing } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

describe('sender set-up', () => {
  let t: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let silent: Server | undefined;
  afterEach(async () => {
    await t?.close();
    await sink?.close();
    silent?.close();
    t = sink = silent = undefined;
  });

  it('"Verbinding testen" says ok, wrong password, refused port or no answer', async () => {
    sink = await startSmtpSink({ credentials: { user: 'winkel', pass: 'goed' } });
    const server = {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none' as const,
      user: 'winkel',
    };
    expect(await testSmtpConnection(server, 'goed')).toMatchObject({
      ok: true,
      key: 'sending:smtp.ok',
    });
    expect(await testSmtpConnection(server, 'fout')).toMatchObject({ ok: false, kind: 'auth' });

    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expect(await testSmtpConnection({ ...server, port: freePort }, 'goed')).toMatchObject({
      ok: false,
      kind: 'refused',
      key: 'sending:smtp.refused',
    });

    // A server that accepts the connection and never greets (a firewall, the wrong service).
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent!.listen(0, '127.0.0.1', r));
    const silentPort = (silent.address() as AddressInfo).port;
    expect(await testSmtpConnection({ ...server, port: silentPort }, 'goed', 300)).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
    expect(await testSmtpConnection({ ...server, host: '' }, '')).toMatchObject({
      ok: true,
      key: 'sending:smtp.outbox',
    });
  });

  it('a sender is verified with the mailed code; wrong codes are limited and codes expire', async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await t.call('settings.update', {
      senders: [{ name: 'Bakkerij', email: 'nieuws@bakkerij.nl', replyTo: '' }],
      smtp: { host: '127.0.0.1', port: sink.port, security: 'none', user: '' },
    });
    const senderId = (await t.call('settings.get', {})).senders[0]!.id;
    await t.call('senders.sendCode', { senderId });
    // The code is in the subject ("Uw Winkelpost-code: 123456") and in the body.
    const codeOf = (index: number) =>
      /^Subject: Uw Winkelpost-code: (\d{6})\r?$/m.exec(sink!.received[index]!.raw.toString())?.[1];
    const first = codeOf(0);
    expect(first).toMatch(/^\d{6}$/);
    expect(sink.received[0]!.to).toEqual(['nieuws@bakkerij.nl']);

    // Expired after 30 minutes.
    t.clock.advance(31 * 60 * 1000);
    expect(await t.app.handlers['senders.verifyCode']({ senderId, code: first! })).toMatchObject({
      ok: false,
      error: { key: 'sending:errors.codeExpired' },
    });

    await t.call('senders.sendCode', { senderId });
    const second = codeOf(1)!;
    const wrong = second === '123456' ? '654321' : '123456';
    // A slip of the keyboard (not six digits) is said so and costs no attempt.
    expect(await t.app.handlers['senders.verifyCode']({ senderId, code: '66713' })).toMatchObject({
      ok: false,
      error: { key: 'sending:errors.codeFormat' },
    });
    for (let left = 4; left >= 1; left -= 1) {
      expect(await t.app.handlers['senders.verifyCode']({ senderId, code: wrong })).toMatchObject({
        ok: false,
        error: { key: 'sending:errors.wrongCode', params: { attemptsLeft: left } },
      });
    }
    expect(await t.app.handlers['senders.verifyCode']({ senderId, code: wrong })).toMatchObject({
      ok: false,
      error: { key: 'sending:errors.tooManyAttempts' },
    });
    // Even the right code no longer helps once the attempts are used up.
    expect(await t.app.handlers['senders.verifyCode']({ senderId, code: second })).toMatchObject({
      ok: false,
      error: { key: 'sending:errors.tooManyAttempts' },
    });
    expect((await t.call('settings.get', {})).senders[0]!.verified).toBe(false);

    await t.call('senders.sendCode', { senderId });
    const third = codeOf(2)!;
    // Typed as the mail groups it: "667 131" or "667-131".
    const grouped = `${third.slice(0, 3)}-${third.slice(3)}`;
    expect(await t.call('senders.verifyCode', { senderId, code: ` ${grouped} ` })).toMatchObject({
      verified: true,
    });
    expect((await t.call('settings.get', {})).senders[0]!.verified).toBe(true);
  });

  it('signs outgoing mail with the DKIM key of the sender domain', async () => {
    sink = await startSmtpSink();
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 2 });
    const key = await t.call('dkim.generate', { domain: 'bakkerij.nl' });
    expect(key.recordName).toMatch(/^wp\d{8}[0-9a-f]{6}\._domainkey\.bakkerij\.nl$/);
    expect(key.recordHost).toBe(`${key.selector}._domainkey`);
    expect(key.recordChunks.join('')).toBe(key.recordValue);
    expect(key.recordChunks.every((c) => c.length <= 255)).toBe(true);
    expect(key.recordValue).toMatch(/^v=DKIM1; k=rsa; p=[A-Za-z0-9+/=]{300,}$/);
    const result = await t.call('send.test', { mailingId, to: ['eigenaar@bakkerij.nl'] });
    expect(result.results).toMatchObject([{ ok: true, to: 'eigenaar@bakkerij.nl' }]);
    const header = sink.received[0]!.raw.toString().split(/\r?\n\r?\n/)[0]!;
    expect(header).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m);
    expect(header).toContain('d=bakkerij.nl');
    expect(header).toContain(`s=${key.selector}`);
    // The DNS check now looks for exactly that record.
    const report = await t.call('dns.check', { domain: 'bakkerij.nl' });
    expect(report.checks.map((c) => [c.id, c.key])).toEqual([
      ['spf', 'sending:dns.spf.ok'],
      ['dkim', 'sending:dns.dkim.missing'],
      ['dmarc', 'sending:dns.dmarc.ok'],
    ]);
  });
});
