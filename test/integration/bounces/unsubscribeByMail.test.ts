import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import {
  fakeResolver,
  linkTracker,
  recipientAddress,
  seedMailing,
  sendAndWait,
} from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import {
  dovecotBinary,
  DOVECOT_MISSING,
  imapClient,
  startDovecot,
  type RunningDovecot,
} from './dovecot';

if (!dovecotBinary) console.warn(DOVECOT_MISSING);

/** The mailto: address of a received mail's List-Unsubscribe field. */
function mailtoOf(raw: Buffer): string {
  const head = raw
    .toString('latin1')
    .split('\r\n\r\n')[0]!
    .replace(/\r\n[ \t]+/g, ' ');
  const field = /^List-Unsubscribe: (.*)$/m.exec(head)?.[1] ?? '';
  const address = /<mailto:([^?>]+)/.exec(field)?.[1];
  if (!address) throw new Error(`no mailto in List-Unsubscribe: ${field}`);
  return decodeURIComponent(address);
}

/** What a customer's mail program sends on "Afmelden", as the mail server delivers it. */
function request(from: string, to: string): Buffer {
  return Buffer.from(
    [
      `From: ${from}`,
      `To: ${to}`,
      'Subject: Afmelden',
      'Date: Sun, 06 Dec 2026 20:00:00 +0000',
      `Message-ID: <${Math.random().toString(36).slice(2)}@example.nl>`,
      '',
      'Graag afmelden.',
      '',
    ].join('\r\n'),
  );
}

describe.skipIf(!dovecotBinary)(
  'unsubscribing by mail, through the bounce mailbox (Dovecot)',
  () => {
    let dovecot: RunningDovecot;
    let sink: SmtpSink;
    let tracker: RunningTracker;
    let t: TestApp;
    let imap: ImapFlow;

    beforeAll(async () => {
      dovecot = await startDovecot();
      sink = await startSmtpSink();
      tracker = await startTracker({ credits: 100 });
      t = await startTestApp({ sending: { resolver: fakeResolver() } });
      await linkTracker(t, tracker);
      await t.call('bounces.updateSettings', {
        enabled: true,
        useVerp: true,
        address: 'bounces@bakkerij.nl',
        host: dovecot.host,
        port: dovecot.port,
        security: 'none',
        user: dovecot.user,
        password: dovecot.password,
      });
      const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 2 });
      await sendAndWait(t, mailingId, 'unsubscribe-by-mail');
      imap = imapClient(dovecot);
      await imap.connect();
    }, 60_000);

    afterAll(async () => {
      await imap?.logout().catch(() => undefined);
      await t?.close();
      await sink?.close();
      await tracker?.close();
      await dovecot?.stop();
    });

    it('each mail names its own address in the bounce mailbox; a request there unsubscribes that customer only', async () => {
      const [first, second] = [0, 1].map((i) => {
        const mail = sink.received.find((m) => m.raw.includes(recipientAddress(i)));
        if (!mail) throw new Error(`no mail for customer ${i}`);
        return mailtoOf(mail.raw);
      });
      expect(first).toMatch(/^bounces\+u\d+-[0-9a-f]{10}@bakkerij\.nl$/);
      expect(second).not.toBe(first);

      await imap.append('INBOX', request(recipientAddress(0), first!));
      // Somebody guessing at addresses: a tag that does not check out unsubscribes nobody.
      await imap.append(
        'INBOX',
        request('boef@elders.nl', second!.replace(/-[0-9a-f]{10}@/, '-0123456789@')),
      );
      await t.call('bounces.pollNow', {});

      const unsubscribed = await t.call('suppression.status', { email: recipientAddress(0) });
      expect(unsubscribed.suppression).toMatchObject({ reason: 'unsubscribed' });
      const other = await t.call('suppression.status', { email: recipientAddress(1) });
      expect(other.suppression).toBeNull();
      // The request was dealt with and moved; the forged one stays for a person to look at.
      const inbox = await imap.status('INBOX', { messages: true });
      expect(inbox && inbox.messages).toBe(1);
    });
  },
);
