import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateKey } from '../../../tracker/accounts';
import { TrackerClient, TrackerError } from '../../../tracker/client';
import type { StoreFactory } from './helpers/storeFactories';
import { PASSWORD, startTestTracker, type TestTracker } from './helpers/testTracker';

async function failure(promise: Promise<unknown>): Promise<TrackerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TrackerError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const DAY = 24 * 60 * 60_000;

/** The bearer-token API through the typed client: login and lockout, credits, sync, retention. */
export function defineApiSuite(name: string, factory: StoreFactory): void {
  describe(`${name}: API`, () => {
    let t: TestTracker;
    beforeEach(async () => {
      t = await startTestTracker(factory, { loginPolicy: { ipAttempts: 1000 } });
    });
    afterEach(async () => t.close());

    describe('login', () => {
      it('hands the app its token, account, current key and balance', async () => {
        await t.store.grantCredits(t.account.id, 250, null, t.clock.now());
        const login = await new TrackerClient({ baseUrl: t.url }).login('modezaak', PASSWORD);
        expect(login).toMatchObject({
          account: t.account.id,
          userName: 'modezaak',
          shopName: 'Jouw <Modezaak> & Zn',
          kid: 'k1',
          balance: 250,
          reserved: 0,
        });
        expect(Buffer.from(login.signingKey, 'base64').equals(t.key)).toBe(true);
        expect(login.token).not.toBe(t.client.sessionToken);
      });

      it('says wrong_password for a wrong password and for an unknown user alike', async () => {
        const client = new TrackerClient({ baseUrl: t.url });
        const wrong = await failure(client.login('modezaak', 'nope'));
        const unknown = await failure(client.login('nobody', 'nope'));
        for (const error of [wrong, unknown]) {
          expect(error).toMatchObject({ code: 'wrong_password', status: 401 });
          expect(error.details.messageNl).toBe('Gebruikersnaam of wachtwoord klopt niet');
        }
        const invalid = await failure(client.login('', ''));
        expect(invalid).toMatchObject({ code: 'invalid_input', status: 400 });
      });

      it('locks the account after five failures, longer each time, refusing even the right password', async () => {
        const client = new TrackerClient({ baseUrl: t.url });
        for (let i = 0; i < 4; i += 1) {
          expect((await failure(client.login('modezaak', `wrong-${i}`))).code).toBe(
            'wrong_password',
          );
        }
        const locked = await failure(client.login('modezaak', 'wrong-5'));
        expect(locked).toMatchObject({ code: 'locked', status: 429, retryAfter: 30 });
        expect(locked.details.messageNl).toMatch(
          /Wacht 30 seconden .*neem contact op met de helpdesk/,
        );
        expect(locked.message).toMatch(/Wait 30 seconds .*contact support/);
        const stillLocked = await failure(client.login('modezaak', PASSWORD));
        expect(stillLocked.code).toBe('locked');
        t.clock.advance(31_000);
        const lockedLonger = await failure(client.login('modezaak', 'wrong-6'));
        expect(lockedLonger).toMatchObject({ code: 'locked', retryAfter: 60 });
        expect(lockedLonger.details.messageNl).toContain('Wacht 1 minuut');
        t.clock.advance(61_000);
        expect((await client.login('modezaak', PASSWORD)).account).toBe(t.account.id);
        // A success clears the count: the next failure is a plain wrong password again.
        expect((await failure(client.login('modezaak', 'wrong-7'))).code).toBe('wrong_password');
      });

      it('limits login attempts per network address', async () => {
        const strict = await startTestTracker(factory, { loginPolicy: { ipAttempts: 3 } });
        try {
          const client = new TrackerClient({ baseUrl: strict.url });
          // startTestTracker's own login was the first attempt.
          await failure(client.login('nobody', 'x'));
          await failure(client.login('someone', 'x'));
          const limited = await failure(client.login('modezaak', PASSWORD));
          expect(limited).toMatchObject({ code: 'rate_limited', status: 429 });
          expect(limited.retryAfter).toBeGreaterThan(0);
          strict.clock.advance(10 * 60_000);
          expect((await client.login('modezaak', PASSWORD)).account).toBe(strict.account.id);
        } finally {
          await strict.close();
        }
      });

      it('refuses calls without a valid session, and after logout', async () => {
        const anonymous = new TrackerClient({ baseUrl: t.url });
        expect(await failure(anonymous.account())).toMatchObject({
          code: 'unauthorized',
          status: 401,
        });
        const forged = new TrackerClient({ baseUrl: t.url, token: 'x'.repeat(43) });
        expect((await failure(forged.balance())).code).toBe('unauthorized');
        const session = new TrackerClient({ baseUrl: t.url });
        await session.login('modezaak', PASSWORD);
        const token = session.sessionToken;
        await session.logout();
        expect((await failure(new TrackerClient({ baseUrl: t.url, token }).account())).code).toBe(
          'unauthorized',
        );
        expect((await t.client.account()).account).toBe(t.account.id);
      });

      it('reports an unreachable tracker as a network error', async () => {
        const gone = new TrackerClient({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
        expect((await failure(gone.login('modezaak', PASSWORD))).code).toBe('network');
      });
    });

    describe('credits', () => {
      beforeEach(async () => {
        await t.store.grantCredits(t.account.id, 100, 'test', t.clock.now());
      });

      it('reserves, commits and releases with idempotent retries', async () => {
        const reserved = await t.client.reserve('send-1', 60);
        expect(reserved).toMatchObject({ balance: 40, reserved: 60, replayed: false });
        expect(await t.client.reserve('send-1', 60)).toMatchObject({
          balance: 40,
          reserved: 60,
          replayed: true,
        });
        await t.client.commit('send-1', 20, 'send-1:1');
        expect(await t.client.commit('send-1', 20, 'send-1:1')).toMatchObject({ replayed: true });
        const released = await t.client.release('send-1');
        expect(released).toMatchObject({ balance: 80, reserved: 0 });
        expect(released.reservation).toMatchObject({ committed: 20, released: 40, open: false });
        expect(await t.client.balance()).toEqual({ balance: 80, reserved: 0 });
        const { entries } = await t.client.ledger();
        expect(entries.map((e) => e.kind)).toEqual(['release', 'commit', 'reserve', 'grant']);
      });

      it('never lets concurrent reservations take the balance below zero', async () => {
        const results = await Promise.allSettled(
          Array.from({ length: 25 }, (_, i) => t.client.reserve(`send-${i}`, 9)),
        );
        const refused = results.filter((r) => r.status === 'rejected');
        expect(results.length - refused.length).toBe(11);
        for (const r of refused)
          expect(r.reason).toMatchObject({ code: 'insufficient_credits', status: 402 });
        expect(await t.client.balance()).toEqual({ balance: 1, reserved: 99 });
      });

      it('refuses bad amounts and conflicting retries with clear codes', async () => {
        expect((await failure(t.client.reserve('s', 0))).code).toBe('invalid_input');
        expect((await failure(t.client.reserve('s', 1.5))).code).toBe('invalid_input');
        await t.client.reserve('s', 10);
        expect(await failure(t.client.reserve('s', 11))).toMatchObject({
          code: 'conflict',
          status: 409,
        });
        expect(await failure(t.client.commit('other', 1, 'k'))).toMatchObject({
          code: 'not_found',
          status: 404,
        });
        expect((await t.client.balance()).balance).toBe(90);
      });

      it('refuses an oversized JSON body with 413 and keeps the balance', async () => {
        const response = await fetch(`${t.url}/api/credits/reserve`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.client.sessionToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ reservationId: 'x', amount: 1, pad: 'x'.repeat(100_000) }),
        });
        expect(response.status).toBe(413);
        expect(await response.json()).toMatchObject({ error: { code: 'too_large' } });
        const notJson = await fetch(`${t.url}/api/credits/reserve`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.client.sessionToken}`,
            'content-type': 'application/json',
          },
          body: '{"reservationId": ',
        });
        expect(notJson.status).toBe(400);
        expect(await t.client.balance()).toEqual({ balance: 100, reserved: 0 });
      });

      it('lists active bundles and takes one order per idempotency key', async () => {
        await t.store.addBundle({
          id: 'b500',
          name: '500 credits',
          credits: 500,
          priceCents: 2500,
          active: true,
        });
        await t.store.addBundle({
          id: 'b1',
          name: 'oud',
          credits: 1,
          priceCents: 1,
          active: false,
        });
        expect(await t.client.bundles()).toEqual({
          bundles: [{ id: 'b500', name: '500 credits', credits: 500, priceCents: 2500 }],
        });
        const order = await t.client.orderBundle('b500', 'click-1', 'Graag voor vrijdag');
        expect(order).toMatchObject({
          bundleId: 'b500',
          credits: 500,
          status: 'requested',
          note: 'Graag voor vrijdag',
        });
        expect(await t.client.orderBundle('b500', 'click-1')).toEqual(order);
        expect((await t.client.orders()).orders).toHaveLength(1);
        expect((await failure(t.client.orderBundle('b1', 'click-2'))).code).toBe('not_found');
      });
    });

    describe('events and keys', () => {
      it('delivers every event once in pages after a cursor', async () => {
        for (let i = 0; i < 12; i += 1) {
          const response = await fetch(`${t.url}/o/${t.token('open', { recipient: `r${i}` })}.gif`);
          expect(response.status).toBe(200);
        }
        const ids = new Set<string>();
        let cursor: string | null = null;
        let pages = 0;
        for (;;) {
          const page: Awaited<ReturnType<TrackerClient['eventsAfter']>> =
            await t.client.eventsAfter(cursor, 5);
          if (page.events.length === 0) break;
          pages += 1;
          page.events.forEach((e) => ids.add(e.id));
          cursor = page.nextCursor;
        }
        expect(pages).toBe(3);
        expect(ids.size).toBe(12);
        const bad = await fetch(`${t.url}/api/events?after=abc`, {
          headers: { authorization: `Bearer ${t.client.sessionToken}` },
        });
        expect(bad.status).toBe(400);
      });

      it('keeps tokens signed with a rotated key working and hands out the new key', async () => {
        await t.client.registerLinks('m1', [{ id: 3, url: 'https://jouwmodezaak.nl/' }]);
        const oldClick = t.token('click', { link: 3 });
        const kid = await rotateKey(t.store, t.account.id, t.clock.now());
        const account = await t.client.account();
        expect(account.kid).toBe(kid);
        const newKey = Buffer.from(account.signingKey, 'base64');
        expect(newKey.equals(t.key)).toBe(false);
        expect((await fetch(`${t.url}/c/${oldClick}`, { redirect: 'manual' })).status).toBe(302);
        const newClick = t.token('click', { link: 3, kid }, newKey);
        expect((await fetch(`${t.url}/c/${newClick}`, { redirect: 'manual' })).status).toBe(302);
        // The old key cannot sign under the new kid.
        expect(
          (await fetch(`${t.url}/c/${t.token('click', { link: 3, kid })}`, { redirect: 'manual' }))
            .status,
        ).toBe(404);
      });

      it('stores buffered events when the server closes', async () => {
        const slow = await startTestTracker(factory, {
          eventBuffer: { intervalMs: 60_000, maxBatch: 10_000 },
        });
        for (let i = 0; i < 20; i += 1)
          await fetch(`${slow.url}/o/${slow.token('open', { recipient: `r${i}` })}.gif`);
        await slow.server.close();
        const { events } = await slow.store.eventsAfter(slow.account.id, null, 100);
        expect(events).toHaveLength(20);
        await slow.close();
      });

      it('anonymises events older than three months on the retention run, keeping the counts', async () => {
        await fetch(`${t.url}/o/${t.token('open', { recipient: 'early' })}.gif`);
        await t.server.tracker.flushEvents();
        t.clock.advance(60 * DAY);
        await fetch(`${t.url}/o/${t.token('open', { recipient: 'later' })}.gif`);
        await t.server.tracker.flushEvents();
        t.clock.advance(35 * DAY);
        expect(await t.server.tracker.retention.runOnce()).toBe(1);
        const { events } = await t.client.eventsAfter(null, 10);
        expect(events.map((e) => e.recipient)).toEqual([null, 'later']);
      });
    });
  });
}
