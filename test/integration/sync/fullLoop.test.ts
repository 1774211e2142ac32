import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { ALL_TICKED, fakeResolver, recipientAddress, seedMailing, until } from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import { addSaleButton, SALE } from '../followUps/tracking';
import {
  APPLE_PROXY_AGENT,
  PERSON_AGENT,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from './trackerFixture';

/** The pixel, the tracked links and the one-click unsubscribe URL of one received mail. */
async function trackingUrls(raw: Buffer, trackerUrl: string) {
  const mail = await simpleParser(raw);
  const html = typeof mail.html === 'string' ? mail.html : '';
  const escaped = trackerUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pixel = new RegExp(`${escaped}/o/[A-Za-z0-9_.-]+\\.gif`).exec(html)?.[0];
  const click = new RegExp(`${escaped}/c/[A-Za-z0-9_.-]+`).exec(html)?.[0];
  const listUnsubscribe = /^List-Unsubscribe:\s*<(https?:[^>]+)>/im.exec(raw.toString('utf8'))?.[1];
  return { pixel, click, listUnsubscribe };
}

describe('a mailing sent through the queue comes back as statistics', () => {
  let t: TestApp | undefined;
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  afterEach(async () => {
    await t?.close();
    await sink?.close();
    await tracker?.close();
    t = sink = tracker = undefined;
  });

  it('opens, a click, a machine open and a one-click unsubscribe; the next send skips that person', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    await t.call('sync.now', {});

    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 3 });
    // A button to the shop's sale: the mail gets one tracked link.
    await addSaleButton(t, mailingId);
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'full-loop-1',
    });
    await until(
      'the send to finish',
      () => t!.call('send.status', { sendId: started.sendId }),
      (s) => s?.state === 'finished',
    );
    expect(sink.received).toHaveLength(3);

    const byAddress = new Map<string, Awaited<ReturnType<typeof trackingUrls>>>();
    for (const mail of sink.received)
      byAddress.set(mail.to[0]!, await trackingUrls(mail.raw, tracker.url));
    const anna = byAddress.get(recipientAddress(0))!;
    const bram = byAddress.get(recipientAddress(1))!;
    const cor = byAddress.get(recipientAddress(2))!;
    expect(anna.pixel && anna.click && cor.listUnsubscribe).toBeTruthy();

    const get = (url: string, agent: string) =>
      fetch(url, { headers: { 'user-agent': agent }, redirect: 'manual' }).then((r) => r.status);
    expect(await get(anna.pixel!, PERSON_AGENT)).toBe(200);
    expect(await get(anna.click!, PERSON_AGENT)).toBe(302);
    expect(await get(bram.pixel!, APPLE_PROXY_AGENT)).toBe(200);
    const unsubscribed = await fetch(cor.listUnsubscribe!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);

    const state = await t.call('sync.now', {});
    expect(state.errorKey).toBeNull();
    const stats = await t.call('stats.get', { mailingId });
    expect(stats).toMatchObject({
      openers: 1,
      machineOpeners: 1,
      clickers: 1,
      unsubscribes: 1,
      delivery: { delivered: 3, hardBounces: 0 },
    });
    expect(stats.links).toMatchObject([{ url: SALE, clicks: 1, clickers: 1 }]);
    const opened = await t.call('stats.details', { mailingId, list: 'opened' });
    expect(opened.rows.map((r) => r.email)).toEqual([recipientAddress(0)]);

    // Two days later the shop sends again to the same customers: Cor is left out.
    t.clock.advance(49 * 3_600_000);
    const next = await seedMailing(t, { smtpPort: sink.port, count: 3 });
    const second = await t.call('send.start', {
      mailingId: next.mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'full-loop-2',
    });
    expect(second.recipients).toBe(2);
    await until(
      'the second send to finish',
      () => t!.call('send.status', { sendId: second.sendId }),
      (s) => s?.state === 'finished',
    );
    const secondTo = sink.received.slice(3).flatMap((m) => m.to);
    expect(secondTo.sort()).toEqual([recipientAddress(0), recipientAddress(1)]);
  });
});
