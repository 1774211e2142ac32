import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import {
  ALL_TICKED,
  fakeResolver,
  linkTracker,
  recipientAddress,
  seedMailing,
  until,
} from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

describe('send queue against a real SMTP server and the real tracker', () => {
  let t: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  afterEach(async () => {
    await t?.close();
    await sink?.close();
    await tracker?.close();
    t = sink = tracker = undefined;
  });

  async function setUp(count: number, credits = 5000) {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    return seedMailing(t, { smtpPort: sink.port, count });
  }

  const startSend = (mailingId: string, idempotencyKey: string) =>
    t!.call('send.start', { mailingId, confirmed: ALL_TICKED, idempotencyKey });

  const statusOf = async (sendId: string) => {
    const status = await t!.call('send.status', { sendId });
    if (!status) throw new Error(`no status for ${sendId}`);
    return status;
  };

  it('delivers 1,000 recipients exactly once and commits their credits', async () => {
    const { mailingId } = await setUp(1000);
    const checklist = await t!.call('checklist.get', { mailingId });
    expect(checklist.items.filter((i) => i.status === 'fail')).toEqual([]);
    expect(checklist.canSend).toBe(true);

    const started = await startSend(mailingId, 'visit-1000-a');
    expect(started).toMatchObject({
      recipients: 1000,
      credits: 1000,
      state: 'running',
      existing: false,
    });
    const done = await until(
      'the send to finish',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished',
    );
    expect(done).toMatchObject({ sent: 1000, failed: 0, uncertain: 0, queued: 0 });

    const perAddress = new Map<string, Set<string>>();
    for (const mail of sink!.received) {
      for (const to of mail.to) {
        const ids = perAddress.get(to) ?? new Set<string>();
        ids.add(mail.messageId ?? '');
        perAddress.set(to, ids);
      }
    }
    expect(sink!.received).toHaveLength(1000);
    expect(perAddress.size).toBe(1000);
    expect(perAddress.get(recipientAddress(0))?.size).toBe(1);
    expect(perAddress.get(recipientAddress(999))?.size).toBe(1);

    const balance = await until(
      'the release',
      () => tracker!.store.getBalance(tracker!.accountId),
      (b) => b.reserved === 0,
    );
    expect(balance).toEqual({ balance: 4000, reserved: 0 });
    const mailing = await t!.call('mailings.get', { id: mailingId });
    expect(mailing.status).toBe('sent');
  });

  it('signs every mail with the DKIM key of the sender domain', async () => {
    const { mailingId } = await setUp(3);
    const key = await t!.call('dkim.generate', { domain: 'bakkerij.nl' });
    const started = await startSend(mailingId, 'visit-dkim');
    await until(
      'the send to finish',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished',
    );
    expect(sink!.received).toHaveLength(3);
    for (const mail of sink!.received) {
      const header = mail.raw.toString().split(/\r?\n\r?\n/)[0]!;
      expect(header).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256;/m);
      expect(header).toContain('d=bakkerij.nl');
      expect(header).toContain(`s=${key.selector}`);
    }
  });

  it('two send.start calls with one key start one send', async () => {
    const { mailingId } = await setUp(20);
    const input = { mailingId, confirmed: ALL_TICKED, idempotencyKey: 'visit-double-click' };
    const [first, second] = await Promise.all([
      t!.call('send.start', input),
      t!.call('send.start', input),
    ]);
    expect(second.sendId).toBe(first.sendId);
    expect([first.existing, second.existing].sort()).toEqual([false, true]);
    const third = await t!.call('send.start', input);
    expect(third).toMatchObject({ sendId: first.sendId, existing: true });
    await until(
      'the send to finish',
      () => statusOf(first.sendId),
      (s) => s.state === 'finished',
    );
    expect(sink!.received).toHaveLength(20);
    const rows = t!.app.context.database.sqlite
      .prepare('select count(*) as n from sends')
      .get() as { n: number };
    expect(rows.n).toBe(1);
    // Another key for the same mailing cannot mail anyone a second time.
    const again = await t!.app.handlers['send.start']({ ...input, idempotencyKey: 'visit-other' });
    expect(again).toMatchObject({ ok: false, error: { key: 'sending:errors.alreadySent' } });
  });

  it('refuses to start while manual items are not ticked, and explains a missing account', async () => {
    const { mailingId } = await setUp(5);
    const unticked = await t!.app.handlers['send.start']({
      mailingId,
      confirmed: ['permission'],
      idempotencyKey: 'visit-unticked',
    });
    expect(unticked).toMatchObject({ ok: false, error: { key: 'sending:errors.manualNotTicked' } });
    t!.app.context.kv.delete('tracker.link');
    const noAccount = await t!.app.handlers['send.start']({
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'visit-no-account',
    });
    expect(noAccount).toMatchObject({ ok: false, error: { key: 'sending:errors.accountNeeded' } });
    expect(sink!.received).toHaveLength(0);
  });

  it('550 5.1.1 bounces hard and suppresses; 452 4.2.2 is retried later', async () => {
    const { mailingId } = await setUp(10);
    const unknown = recipientAddress(3);
    const full = recipientAddress(7);
    let fullRefusals = 0;
    sink!.behaviour = {
      onRecipient: (address) => {
        if (address === unknown)
          return { code: 550, message: '5.1.1 <' + address + '>: user unknown' };
        if (address === full && fullRefusals < 1) {
          fullRefusals += 1;
          return { code: 452, message: '4.2.2 Mailbox full, try again later' };
        }
        return undefined;
      },
    };
    const started = await startSend(mailingId, 'visit-bounce');
    const waiting = await until(
      'the first pass',
      () => statusOf(started.sendId),
      (s) => s.queued === 0 && s.sending === 0,
    );
    expect(waiting).toMatchObject({ sent: 8, bounced: 1, retry: 1, state: 'running' });
    expect(t!.app.context.suppression.get(unknown)).toMatchObject({
      reason: 'hard_bounce',
      source: 'smtp',
    });

    // A minute later the retry is due.
    t!.clock.advance(61_000);
    await until(
      'the retry',
      async () => {
        kick(t!);
        return statusOf(started.sendId);
      },
      (s) => s.state === 'finished',
    );
    const final = await statusOf(started.sendId);
    expect(final).toMatchObject({ sent: 9, bounced: 1, retry: 0 });
    expect(sink!.received.filter((m) => m.to.includes(full))).toHaveLength(1);
    expect(sink!.received.filter((m) => m.to.includes(unknown))).toHaveLength(0);
    // 9 credits used, the bounced one returned.
    const balance = await until(
      'the release',
      () => tracker!.store.getBalance(tracker!.accountId),
      (b) => b.reserved === 0,
    );
    expect(balance).toEqual({ balance: 4991, reserved: 0 });
  });

  it('a refusal that comes before the wire mark is written still leaves the job its retry', async () => {
    // The envelope goes while the mark is written, so the server's 452 may come first; the
    // outcome must not be undone by the mark (the job left 'sending' for ever).
    const { mailingId } = await setUp(9);
    sink!.behaviour = {
      onRecipient: () => ({ code: 452, message: '4.2.2 Mailbox full, try again later' }),
    };
    const started = await startSend(mailingId, 'visit-refused-early');
    const waiting = await until(
      'the first pass',
      () => statusOf(started.sendId),
      (s) => s.queued === 0 && s.sending === 0,
    );
    expect(waiting).toMatchObject({ sent: 0, retry: 9, state: 'running' });

    sink!.behaviour = {};
    t!.clock.advance(61_000);
    const done = await until(
      'the retries',
      async () => {
        kick(t!);
        return statusOf(started.sendId);
      },
      (s) => s.state === 'finished',
    );
    expect(done).toMatchObject({ sent: 9, retry: 0, uncertain: 0 });
    expect(sink!.received).toHaveLength(9);
  });

  it('a connection dropped before the message data is retried by itself, and the mail arrives once', async () => {
    const { mailingId } = await setUp(5);
    const victim = recipientAddress(2);
    let drops = 0;
    sink!.behaviour = {
      onRecipient: (address) => (address === victim && drops++ === 0 ? 'drop' : undefined),
    };
    const started = await startSend(mailingId, 'visit-drop-envelope');
    const first = await until(
      'the first pass',
      () => statusOf(started.sendId),
      (s) => s.queued === 0 && s.sending === 0,
    );
    expect(first).toMatchObject({ sent: 4, retry: 1, uncertain: 0 });
    t!.clock.advance(61_000);
    await until(
      'the retry',
      async () => {
        kick(t!);
        return statusOf(started.sendId);
      },
      (s) => s.state === 'finished',
    );
    expect(sink!.received.filter((m) => m.to.includes(victim))).toHaveLength(1);
  });

  it('a server that takes the data and dies before answering leaves the job uncertain: never sent again by itself, the shop decides', async () => {
    const { mailingId } = await setUp(5);
    const victim = recipientAddress(2);
    let died = false;
    sink!.behaviour = {
      onMessage: (mail) => {
        if (!mail.to.includes(victim) || died) return undefined;
        died = true;
        return 'acceptAndDrop';
      },
    };
    const started = await startSend(mailingId, 'visit-drop-after-data');
    const done = await until(
      'the send to finish',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished',
    );
    expect(done).toMatchObject({ sent: 4, uncertain: 1, retry: 0, failed: 0 });
    // Time passes and the queue is woken: an uncertain job is never sent again by itself.
    t!.clock.advance(3_600_000);
    kick(t!);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const toVictim = () => sink!.received.filter((m) => m.to.includes(victim));
    expect(toVictim()).toHaveLength(1);
    const listed = await t!.call('send.uncertain', { sendId: started.sendId });
    expect(listed.map((job) => job.email)).toEqual([victim]);
    // Its credit stays reserved until the shop decides; the four sent are charged.
    expect(
      await until(
        'the four committed',
        () => tracker!.store.getBalance(tracker!.accountId),
        (b) => b.reserved === 1,
      ),
    ).toEqual({ balance: 4995, reserved: 1 });

    // The shop chooses to send it again: the same Message-ID, so the customer's mail program
    // can tell the copy.
    await t!.call('send.retryUncertain', { sendId: started.sendId });
    await until(
      'the retry',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished' && s.sent === 5,
    );
    const copies = toVictim();
    expect(copies).toHaveLength(2);
    expect(copies[0]!.messageId).toBe(copies[1]!.messageId);
  });

  it('535 pauses the send with the reason; resume continues after the password is fixed', async () => {
    const { mailingId } = await setUp(6);
    sink!.behaviour = { credentials: { user: 'winkel', pass: 'goed' } };
    await t!.call('settings.update', {
      smtp: {
        host: '127.0.0.1',
        port: sink!.port,
        security: 'none',
        user: 'winkel',
        password: 'fout',
      },
    });
    const started = await startSend(mailingId, 'visit-535');
    const paused = await until(
      'the auto-pause',
      () => statusOf(started.sendId),
      (s) => s.state === 'paused' && s.sending === 0,
    );
    expect(paused.pauseReason).toBe('sending:pause.auth');
    expect(paused.pauseDetail).toMatch(/535/);
    expect(paused.sent).toBe(0);
    expect(sink!.received).toHaveLength(0);

    await t!.call('settings.update', {
      smtp: {
        host: '127.0.0.1',
        port: sink!.port,
        security: 'none',
        user: 'winkel',
        password: 'goed',
      },
    });
    await t!.call('send.resume', { sendId: started.sendId });
    const done = await until(
      'the send to finish',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished',
    );
    expect(done).toMatchObject({ sent: 6, pauseReason: null });
    expect(new Set(sink!.received.flatMap((m) => m.to)).size).toBe(6);
    expect(sink!.received).toHaveLength(6);
  });

  it('pause stops taking new jobs; resume sends the rest', async () => {
    const { mailingId } = await setUp(200);
    await t!.call('settings.update', {
      limits: { perSecond: 20, perHour: 1_000_000, fairUseHours: 48 },
    });
    const started = await startSend(mailingId, 'visit-pause');
    await until(
      'some mails out',
      () => statusOf(started.sendId),
      (s) => s.sent >= 10,
    );
    await t!.call('send.pause', { sendId: started.sendId });
    const paused = await until(
      'in-flight settled',
      () => statusOf(started.sendId),
      (s) => s.sending === 0,
    );
    expect(paused.state).toBe('paused');
    expect(paused.pauseReason).toBeNull();
    const sentAtPause = paused.sent;
    expect(sentAtPause).toBeLessThan(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await statusOf(started.sendId))!.sent).toBe(sentAtPause);

    await t!.call('settings.update', {
      limits: { perSecond: 500, perHour: 1_000_000, fairUseHours: 48 },
    });
    await t!.call('send.resume', { sendId: started.sendId });
    await until(
      'the send to finish',
      () => statusOf(started.sendId),
      (s) => s.state === 'finished',
    );
    expect(sink!.received).toHaveLength(200);
    expect(new Set(sink!.received.flatMap((m) => m.to)).size).toBe(200);
  });

  it('cancel skips the rest and releases the unused credits', async () => {
    const { mailingId } = await setUp(300);
    await t!.call('settings.update', {
      limits: { perSecond: 20, perHour: 1_000_000, fairUseHours: 48 },
    });
    const started = await startSend(mailingId, 'visit-cancel');
    expect(await tracker!.store.getBalance(tracker!.accountId)).toEqual({
      balance: 4700,
      reserved: 300,
    });
    await until(
      'some mails out',
      () => statusOf(started.sendId),
      (s) => s.sent >= 5,
    );
    const cancelled = await t!.call('send.cancel', { sendId: started.sendId });
    expect(cancelled.state).toBe('cancelled');
    const settled = await until(
      'in-flight settled',
      () => statusOf(started.sendId),
      (s) => s.sending === 0,
    );
    const delivered = sink!.received.length;
    expect(delivered).toBeLessThan(300);
    const balance = await tracker!.store.getBalance(tracker!.accountId);
    expect(balance.reserved).toBe(0);
    // Everything not committed went back: the balance is the grant minus at most what was delivered.
    expect(balance.balance).toBeGreaterThanOrEqual(5000 - delivered);
    expect(balance.balance).toBeLessThan(5000);
    expect(settled.queued).toBe(0);
    const mailing = await t!.call('mailings.get', { id: mailingId });
    expect(mailing.status).toBe('sent');
  });
});

function kick(t: TestApp): void {
  t.app.sending.manager.kick();
}
