import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/contract';
import {
  readTrackerSession,
  readTrackingConfig,
} from '../../../electron/services/tracking/trackingConfig';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { seedSentMailing } from './seed';
import {
  APPLE_PROXY_AGENT,
  fetchPixel,
  followLink,
  oneClickUnsubscribe,
  PERSON_AGENT,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from './trackerFixture';

async function failure(promise: Promise<unknown>): Promise<ContractFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('account link and sync with the real tracker', () => {
  let tracker: RunningTracker;
  let t: TestApp;

  beforeEach(async () => {
    tracker = await startTracker({ freeFailures: 2, credits: 1200 });
    t = await startTestApp({ trackerUrl: tracker.url });
  });
  afterEach(async () => {
    await t.close();
    await tracker.close();
  });

  const login = (remember = false) =>
    t.call('account.login', {
      userName: TRACKER_USER,
      password: TRACKER_PASSWORD,
      rememberUserName: remember,
    });

  it('logs in, stores key and token encrypted, remembers the user name, takes over the balance', async () => {
    const credits: unknown[] = [];
    t.app.events.subscribe((name, payload) => name === 'credits.changed' && credits.push(payload));
    const status = await login(true);
    expect(status).toMatchObject({
      linked: true,
      userName: TRACKER_USER,
      shopName: 'Jouw Modezaak',
      rememberedUserName: TRACKER_USER,
    });
    const config = readTrackingConfig(t.app.context.kv, t.app.context.cipher);
    expect(config?.account).toBe(tracker.accountId);
    expect(config?.key.equals(tracker.key)).toBe(true);
    const raw = JSON.stringify(t.app.context.kv.get('tracker.link'));
    expect(raw).not.toContain(tracker.key.toString('base64'));
    expect(raw).not.toContain(readTrackerSession(t.app.context.kv, t.app.context.cipher)!.token);
    expect(credits[0]).toEqual({ balance: 1200, reserved: 0 });
    expect((await t.call('app.info', {})).credits.balance).toBe(1200);
  });

  it('says plainly when the password is wrong, then gives the tracker lockout message', async () => {
    const wrong = await failure(
      t.call('account.login', {
        userName: TRACKER_USER,
        password: 'fout',
        rememberUserName: false,
      }),
    );
    expect(wrong.error).toMatchObject({
      code: 'wrong_password',
      key: 'accountLink:errors.wrongPassword',
    });
    await failure(t.call('account.login', { userName: TRACKER_USER, password: 'fout' }));
    const locked = await failure(login());
    expect(locked.error.code).toBe('locked');
    expect(locked.error.key).toBe('accountLink:errors.locked');
    expect(String(locked.error.params?.message)).toMatch(/tijdelijk geblokkeerd/);
    expect((await t.call('account.status', {})).linked).toBe(false);
  });

  it('syncs opens, clicks and unsubscribes idempotently and applies the unsubscribe at once', async () => {
    const sentAt = t.clock.now();
    const people = seedSentMailing(t.app.context.database.sqlite, {
      mailingId: 'm-najaar',
      count: 4,
      sentAt,
    });
    await tracker.store.putLinks(tracker.accountId, 'm-najaar', [
      { id: 1, url: 'https://jouwmodezaak.nl/sale' },
    ]);
    await login();
    await t.call('sync.now', {});

    const [anna, bram, cor] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    expect(await fetchPixel(tracker, tracker.token('open', 'm-najaar', anna.recipientId))).toBe(
      200,
    );
    expect(await fetchPixel(tracker, tracker.token('open', 'm-najaar', anna.recipientId))).toBe(
      200,
    );
    await fetchPixel(
      tracker,
      tracker.token('open', 'm-najaar', bram.recipientId),
      APPLE_PROXY_AGENT,
    );
    const click = await followLink(
      tracker,
      tracker.token('click', 'm-najaar', anna.recipientId, 1),
    );
    expect(click).toEqual({ status: 302, location: 'https://jouwmodezaak.nl/sale' });
    expect(
      await oneClickUnsubscribe(tracker, tracker.token('unsubscribe', 'm-najaar', cor.recipientId)),
    ).toBe(200);
    expect(t.app.context.suppression.isSuppressed(cor.email)).toBe(false);

    const state = await t.call('sync.now', {});
    expect(state).toMatchObject({ errorKey: null, lastNewEvents: 5, lastSyncAt: t.clock.now() });
    expect(t.app.context.suppression.get(cor.email)).toMatchObject({
      reason: 'unsubscribed',
      source: 'tracker',
      // The block list says which mailing, by the subject the shop gave it.
      detail: 'Najaarsactie',
    });

    const stats = await t.call('stats.get', { mailingId: 'm-najaar' });
    expect(stats).toMatchObject({
      openers: 1,
      machineOpeners: 1,
      opens: 2,
      machineOpens: 1,
      clickers: 1,
      clicks: 1,
      unsubscribes: 1,
    });
    expect(stats.links).toEqual([
      { linkId: 1, url: null, clicks: 1, clickers: 1, machineClicks: 0, machineClickers: 0 },
    ]);

    // The same page again (cursor reset to the start) changes nothing.
    t.app.context.kv.delete(`sync.cursor.${tracker.accountId}`);
    const again = await t.call('sync.now', {});
    expect(again.lastNewEvents).toBe(0);
    expect(await t.call('stats.get', { mailingId: 'm-najaar' })).toEqual(stats);
    const count = t.app.context.database.sqlite.prepare('select count(*) as n from events').get();
    expect(count).toEqual({ n: 5 });

    const opened = await t.call('stats.details', { mailingId: 'm-najaar', list: 'opened' });
    expect(opened.rows.map((r) => r.email)).toEqual([anna.email]);
    const withMachine = await t.call('stats.details', {
      mailingId: 'm-najaar',
      list: 'opened',
      includeMachine: true,
    });
    expect(withMachine.rows.map((r) => [r.email, r.machine])).toEqual([
      [anna.email, false],
      [bram.email, true],
    ]);
  });

  it('a re-subscription confirmed at the tracker lifts the suppression at the next sync', async () => {
    const { sqlite } = t.app.context.database;
    t.app.context.suppression.suppress('anna@example.nl', 'unsubscribed', 'tracker');
    sqlite
      .prepare(
        'insert into resubscribe_requests (id, normalized_email, requested_at) values (?, ?, ?)',
      )
      .run('req-1', 'anna@example.nl', t.clock.now());
    await login();
    await t.call('sync.now', {});
    const confirmUrl = `${tracker.url}/confirm/${tracker.token('confirm', 'resubscribe', 'req-1')}`;
    // Opening the link only shows the button; pressing it (a POST) confirms.
    const page = await fetch(confirmUrl, { headers: { 'user-agent': PERSON_AGENT } });
    expect(page.status).toBe(200);
    await t.call('sync.now', {});
    expect(t.app.context.suppression.isSuppressed('anna@example.nl')).toBe(true);
    const pressed = await fetch(confirmUrl, {
      method: 'POST',
      headers: { 'user-agent': PERSON_AGENT },
    });
    expect(pressed.status).toBe(200);
    expect(t.app.context.suppression.isSuppressed('anna@example.nl')).toBe(true);
    await t.call('sync.now', {});
    expect(t.app.context.suppression.isSuppressed('anna@example.nl')).toBe(false);
  });

  it('records being offline, keeps everything, and continues from the cursor afterwards', async () => {
    const people = seedSentMailing(t.app.context.database.sqlite, {
      mailingId: 'm-offline',
      count: 2,
      sentAt: t.clock.now(),
    });
    await login();
    const first = await t.call('sync.now', {});
    expect(first.errorKey).toBeNull();
    await fetchPixel(tracker, tracker.token('open', 'm-offline', people[0]!.recipientId));
    await tracker.server.tracker.flushEvents();

    // The tracker goes away (same port closed): the sync fails plainly and nothing is lost.
    const port = new URL(tracker.url).port;
    await tracker.server.close();
    t.clock.advance(60_000);
    const finished: unknown[] = [];
    t.app.events.subscribe((name, payload) => name === 'sync.finished' && finished.push(payload));
    const offline = await t.call('sync.now', {});
    expect(offline).toMatchObject({
      errorKey: 'accountLink:errors.offline',
      lastSyncAt: first.lastSyncAt,
    });
    expect(offline.lastAttemptAt).toBe(t.clock.now());
    expect(finished).toEqual([
      { at: t.clock.now(), ok: false, message: 'accountLink:errors.offline' },
    ]);
    expect((await t.call('account.status', {})).linked).toBe(true);

    // Back online on the same address (same store): the next sync picks up where it stopped.
    const { buildTracker } = await import('../../../tracker/server');
    const revived = buildTracker({
      store: tracker.store,
      publicUrl: 'http://127.0.0.1',
      retention: false,
    });
    await revived.listen({ host: '127.0.0.1', port: Number(port) });
    tracker.server = revived;
    const back = await t.call('sync.now', {});
    expect(back).toMatchObject({ errorKey: null, lastNewEvents: 1 });
    expect((await t.call('stats.get', { mailingId: 'm-offline' })).openers).toBe(1);
  });

  it('logging out ends the link but keeps statistics, credits and the remembered name', async () => {
    seedSentMailing(t.app.context.database.sqlite, {
      mailingId: 'm-keep',
      count: 1,
      sentAt: t.clock.now(),
    });
    await login(true);
    await t.call('sync.now', {});
    const status = await t.call('account.logout', {});
    expect(status).toMatchObject({ linked: false, rememberedUserName: TRACKER_USER });
    expect(readTrackingConfig(t.app.context.kv, t.app.context.cipher)).toBeNull();
    expect((await t.call('stats.list', {})).map((m) => m.mailingId)).toEqual(['m-keep']);
    expect((await t.call('app.info', {})).credits.balance).toBe(1200);
    const notLinked = await t.call('sync.now', {});
    expect(notLinked.errorKey).toBeNull();
  });
});
