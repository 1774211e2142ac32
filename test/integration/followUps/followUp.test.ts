import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';
import {
  ALL_TICKED,
  fakeResolver,
  recipientAddress,
  seedMailing,
  sendAndWait,
  until,
} from '../sending/seed';
import { startSmtpSink, type SmtpSink } from '../sending/smtpSink';
import {
  APPLE_PROXY_AGENT,
  PERSON_AGENT,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';
import { addSaleButton, SCANNER_AGENT, trackedMails, unsubscribeOneClick, visit } from './tracking';

const SECOND_SUBJECT = 'Nog even: verse stol deze week';

describe('a second chance for non-openers', () => {
  let sink: SmtpSink | undefined;
  let tracker: RunningTracker | undefined;
  let t: TestApp | undefined;
  let dir = tempDir();
  let clock = new ManualClock();
  beforeEach(() => {
    dir = tempDir();
    clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  });
  afterEach(async () => {
    await t?.close();
    await sink?.close();
    await tracker?.close();
    t = sink = tracker = undefined;
    dir.remove();
  });

  async function open(): Promise<TestApp> {
    t = await openTestApp(dir.path, clock, {
      trackerUrl: tracker!.url,
      sending: { resolver: fakeResolver() },
    });
    return t;
  }

  /**
   * Seven customers get the original; then: 0 opens it, 1 only through Apple's privacy proxy,
   * 2 clicks, 3 unsubscribes with one click, 4 bounces hard later (another mailing's bounce),
   * 5 does nothing, 6 only has a link scanner click. The app syncs the events.
   */
  async function sendOriginalAndReact(app: TestApp): Promise<string> {
    await app.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const { mailingId } = await seedMailing(app, { smtpPort: sink!.port, count: 7 });
    await addSaleButton(app, mailingId);
    await sendAndWait(app, mailingId, 'original');
    const mails = await trackedMails(sink!.received, tracker!.url);
    const of = (i: number) => mails.find((m) => m.to === recipientAddress(i))!;
    expect(await visit(of(0).pixel, PERSON_AGENT)).toBe(200);
    expect(await visit(of(1).pixel, APPLE_PROXY_AGENT)).toBe(200);
    expect(await visit(of(2).click, PERSON_AGENT)).toBe(302);
    expect(await unsubscribeOneClick(of(3).unsubscribe)).toBe(200);
    app.app.context.suppression.suppress(
      recipientAddress(4),
      'hard_bounce',
      'smtp',
      '550 5.1.1 user unknown',
    );
    expect(await visit(of(6).click, SCANNER_AGENT)).toBe(302);
    expect((await app.call('sync.now', {})).errorKey).toBeNull();
    const stats = await app.call('stats.get', { mailingId });
    expect(stats).toMatchObject({ openers: 2, clickers: 1, machineOpeners: 2, unsubscribes: 1 });
    return mailingId;
  }

  const plan = (app: TestApp, mailingId: string, days: number) =>
    app.call('followUps.schedule', {
      mailingId,
      days,
      subject: SECOND_SUBJECT,
      confirmed: ALL_TICKED,
    });

  const followUpMails = () =>
    sink!.received.filter((m) =>
      m.raw.toString('utf8').includes(`\nSubject: ${SECOND_SUBJECT}\r\n`),
    );

  it('goes after N days only to non-openers (machine opens count as not opened), as estimated', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    const app = await open();
    const original = await sendOriginalAndReact(app);

    const estimate = await app.call('followUps.estimate', { mailingId: original, days: 3 });
    expect(estimate).toMatchObject({ recipients: 3, credits: 3, perMail: 1 });
    const planned = await plan(app, original, 3);
    expect(planned).toMatchObject({
      state: 'planned',
      estimatedRecipients: 3,
      followUpMailingId: null,
    });
    const sentAt = (await app.call('mailings.get', { id: original })).sentAt!;
    expect(planned.dueAt).toBe(sentAt + 3 * DAY);

    // Not before the third day.
    clock.set(planned.dueAt - 60_000);
    await app.app.followUps.runDue();
    expect((await app.call('followUps.forMailing', { mailingId: original })).followUp?.state).toBe(
      'planned',
    );
    expect(followUpMails()).toHaveLength(0);

    clock.set(planned.dueAt);
    await app.app.followUps.runDue();
    const started = await until(
      'the follow-up to be sent',
      () => app.call('followUps.forMailing', { mailingId: original }),
      (f) => f.followUp?.state === 'started' && f.followUp.sent === 3,
    );
    const followUp = started.followUp!;
    await until(
      'its send to finish',
      () => app.call('send.status', { sendId: followUp.sendId! }),
      (s) => s?.state === 'finished',
    );
    expect(
      followUpMails()
        .map((m) => m.to[0])
        .sort(),
    ).toEqual([recipientAddress(1), recipientAddress(5), recipientAddress(6)].sort());
    expect(followUp.recipients).toBe(estimate.recipients);
    // Klant 4 bounced after the original (suppressed since): counted as skipped, not mailed.
    const logged = (await app.call('followUps.forMailing', { mailingId: original })).followUp;
    expect(logged).toMatchObject({
      skipped: { suppressed: 1, recentlyMailed: 0, duplicates: 0 },
      creditsCharged: 3,
    });
    expect(await tracker.store.getBalance(tracker.accountId)).toEqual({
      balance: 100 - 7 - 3,
      reserved: 0,
    });

    // Its own mailing, linked both ways for the statistics.
    const own = await app.call('mailings.get', { id: followUp.followUpMailingId! });
    expect(own).toMatchObject({ subject: SECOND_SUBJECT, status: 'sent' });
    const back = await app.call('followUps.forMailing', { mailingId: own.id });
    expect(back.followUpOf?.originalMailingId).toBe(original);
    expect(back.followUp).toBeNull();

    // Running again changes nothing.
    clock.advance(DAY);
    await app.app.followUps.runDue();
    expect(followUpMails()).toHaveLength(3);
    expect(await app.call('followUps.list', {})).toHaveLength(1);
  });

  it('refuses a mailing not sent, N outside 2–14, and a second follow-up', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    const app = await open();
    const original = await sendOriginalAndReact(app);
    const draft = await app.call('mailings.create', { type: 'newsletter' });
    const attempt = (mailingId: string, days: number) =>
      app.app.handlers['followUps.schedule']({
        mailingId,
        days,
        subject: SECOND_SUBJECT,
        confirmed: ALL_TICKED,
      });
    expect(await attempt(draft.id, 3)).toMatchObject({
      ok: false,
      error: { key: 'followUps:errors.notSent' },
    });
    for (const days of [1, 15]) {
      expect(await attempt(original, days)).toMatchObject({
        ok: false,
        error: { key: 'followUps:errors.days', params: { min: 2, max: 14 } },
      });
    }
    expect((await attempt(original, 2)).ok).toBe(true);
    expect(await attempt(original, 4)).toMatchObject({
      ok: false,
      error: { key: 'followUps:errors.exists' },
    });
    expect(await app.call('followUps.list', {})).toHaveLength(1);
    // Called off, it may be planned again: the cancelled row makes way for the new one.
    expect((await app.call('followUps.cancel', { mailingId: original })).state).toBe('cancelled');
    expect(await attempt(original, 5)).toMatchObject({
      ok: true,
      value: { state: 'planned', days: 5, originalMailingId: original },
    });
    expect(await app.call('followUps.list', {})).toHaveLength(1);
  });

  it('catches up once on start when it fell due while the app was closed', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    let app = await open();
    const original = await sendOriginalAndReact(app);
    const planned = await plan(app, original, 2);
    await app.close();
    t = undefined;

    clock.set(planned.dueAt + 5 * DAY);
    app = await open();
    const done = await until(
      'the follow-up to be sent after the start',
      () => app.call('followUps.forMailing', { mailingId: original }),
      (f) => f.followUp?.state === 'started' && f.followUp.sent === 3,
    );
    await until(
      'its send to finish',
      () => app.call('send.status', { sendId: done.followUp!.sendId! }),
      (s) => s?.state === 'finished',
    );
    await app.app.followUps.runDue();
    expect(followUpMails()).toHaveLength(3);
  });

  it('a run the checklist refuses (too few credits) stops with its reason and sends nothing', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 8 });
    const app = await open();
    const original = await sendOriginalAndReact(app);
    const planned = await plan(app, original, 2);
    clock.set(planned.dueAt);
    await app.app.followUps.runDue();
    const [failed] = await app.call('followUps.list', {});
    expect(failed).toMatchObject({
      state: 'failed',
      sendId: null,
      errorKey: 'sending:errors.checklistFails',
      errorParams: { items: 'credits' },
    });
    expect(followUpMails()).toHaveLength(0);
    expect(await tracker.store.getBalance(tracker.accountId)).toEqual({ balance: 1, reserved: 0 });
    // Failed is final: a later check does not try again behind the shop's back.
    clock.advance(DAY);
    await app.app.followUps.runDue();
    expect((await app.call('followUps.list', {}))[0]!.state).toBe('failed');
  });

  it('waits with its reason while the account is not linked, and goes once it is again', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    const app = await open();
    const original = await sendOriginalAndReact(app);
    const planned = await plan(app, original, 2);
    await app.call('account.logout', {});
    clock.set(planned.dueAt);
    await app.app.followUps.runDue();
    const [waiting] = await app.call('followUps.list', {});
    expect(waiting).toMatchObject({
      state: 'preparing',
      sendId: null,
      errorKey: 'sending:errors.accountNeeded',
    });
    expect(followUpMails()).toHaveLength(0);

    await app.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    clock.advance(60_000);
    await app.app.followUps.runDue();
    const [started] = await app.call('followUps.list', {});
    expect(started).toMatchObject({
      state: 'started',
      followUpMailingId: waiting!.followUpMailingId,
      errorKey: null,
    });
    await until(
      'its send to finish',
      () => app.call('send.status', { sendId: started!.sendId! }),
      (s) => s?.state === 'finished',
    );
    expect(followUpMails()).toHaveLength(3);
    const copies = app.app.context.database.sqlite
      .prepare('select count(*) from mailings where subject = ?')
      .pluck()
      .get(SECOND_SUBJECT);
    expect(copies).toBe(1);
  });
});
