import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSigningKey, rotateKey } from '../../../tracker/accounts';
import type { Account, TrackerStore } from '../../../tracker/store/types';
import { event, T0, testAccount } from './helpers/fixtures';
import type { StoreFactory } from './helpers/storeFactories';

/** The one test suite every TrackerStore implementation must pass (SQLite and PostgreSQL). */
export function defineStoreSuite(name: string, factory: StoreFactory): void {
  describe(`${name} store`, () => {
    let store: TrackerStore;
    let cleanup: () => Promise<void>;
    let account: Account;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      account = await testAccount(store);
    });
    afterEach(async () => cleanup());

    describe('accounts and keys', () => {
      it('creates, finds and lists accounts; a user name is taken once', async () => {
        expect(await store.getAccount(account.id)).toEqual(account);
        expect(await store.findAccountByUserName('modezaak')).toEqual(account);
        expect(await store.findAccountByUserName('nobody')).toBeNull();
        await expect(testAccount(store, 'modezaak', 'Other')).rejects.toMatchObject({
          code: 'conflict',
        });
        await testAccount(store, 'bakker', 'Bakker Bart');
        expect((await store.listAccounts()).map((a) => a.userName)).toEqual(['bakker', 'modezaak']);
        await store.setShopName(account.id, 'Modezaak & Co');
        expect((await store.getAccount(account.id))?.shopName).toBe('Modezaak & Co');
      });

      it('keeps old keys verifiable after a rotation and hands out the newest', async () => {
        const first = await store.currentKey(account.id);
        expect(first?.kid).toBe('k1');
        const kid = await rotateKey(store, account.id, T0 + 1);
        expect(kid).toBe('k2');
        expect((await store.currentKey(account.id))?.kid).toBe('k2');
        expect(await store.getKey(account.id, 'k1')).toEqual(first?.key);
        expect((await store.getKey(account.id, 'k2'))?.length).toBe(32);
        expect(await store.getKey(account.id, 'k9')).toBeNull();
        expect(await store.getKey('acc_other', 'k1')).toBeNull();
        expect(await store.listKids(account.id)).toEqual(['k1', 'k2']);
        await expect(store.addKey(account.id, newSigningKey('k2'), T0)).rejects.toThrow();
      });

      it('counts login failures per account and network atomically, and resets them', async () => {
        const policy = (failures: number) => (failures >= 3 ? T0 + failures * 1000 : 0);
        const net = '192.0.2.0';
        await store.recordLoginFailure(account.id, net, policy);
        await store.recordLoginFailure(account.id, net, policy);
        expect(await store.recordLoginFailure(account.id, net, policy)).toEqual({
          failures: 3,
          lockedUntil: T0 + 3000,
        });
        expect(await store.loginLock(account.id, net)).toEqual({
          failures: 3,
          lockedUntil: T0 + 3000,
        });
        // Another network of the same account is not locked.
        expect(await store.loginLock(account.id, '198.51.100.0')).toEqual({
          failures: 0,
          lockedUntil: 0,
        });
        await store.resetLoginFailures(account.id, net);
        expect(await store.loginLock(account.id, net)).toEqual({ failures: 0, lockedUntil: 0 });
        const parallel = await Promise.all(
          Array.from({ length: 10 }, () => store.recordLoginFailure(account.id, net, () => 0)),
        );
        expect(parallel.map((r) => r.failures).sort((a, b) => a - b)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
        ]);
      });

      it('counts login attempts in windows atomically, starting again when a window ends', async () => {
        const counts = await Promise.all(
          Array.from({ length: 12 }, () => store.countLoginAttempt('net:a', T0, 60_000)),
        );
        expect(counts.map((c) => c.attempts).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 12 }, (_, i) => i + 1),
        );
        expect(counts.every((c) => c.windowStart === T0)).toBe(true);
        expect(await store.countLoginAttempt('net:b', T0 + 1, 60_000)).toEqual({
          windowStart: T0 + 1,
          attempts: 1,
        });
        expect(await store.countLoginAttempt('net:a', T0 + 59_999, 60_000)).toEqual({
          windowStart: T0,
          attempts: 13,
        });
        expect(await store.countLoginAttempt('net:a', T0 + 60_000, 60_000)).toEqual({
          windowStart: T0 + 60_000,
          attempts: 1,
        });
        expect(await store.pruneLoginThrottle(T0 + 30_000)).toBe(1);
      });

      it('finds sessions until they expire or are deleted', async () => {
        await store.createSession('hash1', account.id, T0, T0 + 1000);
        expect(await store.findSession('hash1', T0 + 999)).toBe(account.id);
        expect(await store.findSession('hash1', T0 + 1000)).toBeNull();
        expect(await store.findSession('other', T0)).toBeNull();
        await store.deleteSession('hash1');
        expect(await store.findSession('hash1', T0)).toBeNull();
        await store.createSession('old', account.id, T0, T0 + 10);
        await store.createSession('new', account.id, T0, T0 + 20);
        expect(await store.deleteExpiredSessions(T0 + 10)).toBe(1);
        expect(await store.findSession('new', T0)).toBe(account.id);
      });
    });

    describe('credits', () => {
      beforeEach(async () => {
        await store.grantCredits(account.id, 100, 'start', T0);
      });

      it('reserves, commits in parts and releases the rest', async () => {
        const reserved = await store.reserveCredits(account.id, 'send-1', 40, T0);
        expect(reserved.balance).toEqual({ balance: 60, reserved: 40 });
        await store.commitCredits(account.id, 'send-1', 15, 'send-1:batch-1', T0);
        const committed = await store.commitCredits(account.id, 'send-1', 10, 'send-1:batch-2', T0);
        expect(committed.reservation).toEqual({
          id: 'send-1',
          reserved: 40,
          committed: 25,
          released: 0,
          open: true,
        });
        expect(committed.balance).toEqual({ balance: 60, reserved: 15 });
        const released = await store.releaseCredits(account.id, 'send-1', T0);
        expect(released.reservation).toEqual({
          id: 'send-1',
          reserved: 40,
          committed: 25,
          released: 15,
          open: false,
        });
        expect(released.balance).toEqual({ balance: 75, reserved: 0 });
        const ledger = await store.ledger(account.id, 10);
        expect(ledger.map((e) => [e.kind, e.delta])).toEqual([
          ['release', 15],
          ['commit', 0],
          ['commit', 0],
          ['reserve', -40],
          ['grant', 100],
        ]);
      });

      it('answers retries from the idempotency record and never charges twice', async () => {
        await store.reserveCredits(account.id, 'send-1', 30, T0);
        const again = await store.reserveCredits(account.id, 'send-1', 30, T0);
        expect(again.replayed).toBe(true);
        expect(again.balance).toEqual({ balance: 70, reserved: 30 });
        await store.commitCredits(account.id, 'send-1', 10, 'k-1', T0);
        const commitAgain = await store.commitCredits(account.id, 'send-1', 10, 'k-1', T0);
        expect(commitAgain.replayed).toBe(true);
        expect(commitAgain.reservation.committed).toBe(10);
        await store.releaseCredits(account.id, 'send-1', T0);
        const releaseAgain = await store.releaseCredits(account.id, 'send-1', T0);
        expect(releaseAgain.replayed).toBe(true);
        expect(releaseAgain.balance).toEqual({ balance: 90, reserved: 0 });
      });

      it('refuses what does not add up, changing nothing', async () => {
        await expect(store.reserveCredits(account.id, 'big', 101, T0)).rejects.toMatchObject({
          code: 'insufficient_credits',
        });
        await store.reserveCredits(account.id, 'send-1', 20, T0);
        await expect(store.reserveCredits(account.id, 'send-1', 25, T0)).rejects.toMatchObject({
          code: 'conflict',
        });
        await expect(
          store.commitCredits(account.id, 'send-1', 21, 'k-1', T0),
        ).rejects.toMatchObject({
          code: 'conflict',
        });
        await store.commitCredits(account.id, 'send-1', 5, 'k-1', T0);
        await expect(store.commitCredits(account.id, 'send-1', 6, 'k-1', T0)).rejects.toMatchObject(
          {
            code: 'conflict',
          },
        );
        await expect(store.commitCredits(account.id, 'nope', 1, 'k-2', T0)).rejects.toMatchObject({
          code: 'not_found',
        });
        await store.releaseCredits(account.id, 'send-1', T0);
        await expect(store.commitCredits(account.id, 'send-1', 1, 'k-3', T0)).rejects.toMatchObject(
          {
            code: 'conflict',
          },
        );
        await expect(store.releaseCredits(account.id, 'nope', T0)).rejects.toMatchObject({
          code: 'not_found',
        });
        await expect(store.grantCredits(account.id, -1000, 'oops', T0)).rejects.toMatchObject({
          code: 'insufficient_credits',
        });
        expect(await store.getBalance(account.id)).toEqual({ balance: 95, reserved: 0 });
      });

      it('never goes below zero under concurrent reservations', async () => {
        const attempts = await Promise.allSettled(
          Array.from({ length: 30 }, (_, i) =>
            store.reserveCredits(account.id, `send-${i}`, 7, T0),
          ),
        );
        const granted = attempts.filter((a) => a.status === 'fulfilled').length;
        expect(granted).toBe(14);
        for (const a of attempts) {
          if (a.status === 'rejected')
            expect(a.reason).toMatchObject({ code: 'insufficient_credits' });
        }
        expect(await store.getBalance(account.id)).toEqual({ balance: 2, reserved: 98 });
      });

      it('charges once for concurrent retries of one reservation and one commit', async () => {
        const reserves = await Promise.all(
          Array.from({ length: 10 }, () => store.reserveCredits(account.id, 'send-x', 50, T0)),
        );
        expect(reserves.filter((r) => !r.replayed)).toHaveLength(1);
        const commits = await Promise.all(
          Array.from({ length: 10 }, () =>
            store.commitCredits(account.id, 'send-x', 20, 'send-x:1', T0),
          ),
        );
        expect(commits.filter((r) => !r.replayed)).toHaveLength(1);
        expect(await store.getBalance(account.id)).toEqual({ balance: 50, reserved: 30 });
      });
    });

    describe('bundles and orders', () => {
      it('orders once per idempotency key and fulfils by granting the credits', async () => {
        await store.addBundle({
          id: 'b1000',
          name: '1.000 credits',
          credits: 1000,
          priceCents: 4500,
          active: true,
        });
        await store.addBundle({
          id: 'old',
          name: 'Oud',
          credits: 10,
          priceCents: 100,
          active: false,
        });
        expect((await store.listBundles()).map((b) => [b.id, b.active])).toEqual([
          ['old', false],
          ['b1000', true],
        ]);
        const input = {
          id: 'o1',
          account: account.id,
          bundleId: 'b1000',
          idempotencyKey: 'click-1',
          note: null,
          now: T0,
        };
        const order = await store.createOrder(input);
        expect(await store.createOrder({ ...input, id: 'o2' })).toEqual(order);
        await expect(
          store.createOrder({ ...input, id: 'o3', idempotencyKey: 'c2', bundleId: 'old' }),
        ).rejects.toMatchObject({
          code: 'not_found',
        });
        expect(await store.listOrders(account.id)).toHaveLength(1);
        const fulfilled = await store.fulfilOrder('o1', T0);
        expect(fulfilled.status).toBe('fulfilled');
        expect((await store.getBalance(account.id)).balance).toBe(1000);
        await expect(store.fulfilOrder('o1', T0)).rejects.toMatchObject({ code: 'conflict' });
        expect((await store.getBalance(account.id)).balance).toBe(1000);
      });
    });

    describe('links, web versions and assets', () => {
      it('stores a link table per mailing and replaces changed links', async () => {
        await store.putLinks(account.id, 'm1', [
          { id: 0, url: 'https://shop.example/a' },
          { id: 1, url: 'https://shop.example/b' },
        ]);
        await store.putLinks(account.id, 'm1', [{ id: 1, url: 'https://shop.example/c' }]);
        expect(await store.getLinkUrl(account.id, 'm1', 0)).toBe('https://shop.example/a');
        expect(await store.getLinkUrl(account.id, 'm1', 1)).toBe('https://shop.example/c');
        expect(await store.getLinkUrl(account.id, 'm2', 0)).toBeNull();
        expect(await store.getLinkUrl('acc_other', 'm1', 0)).toBeNull();
      });

      it('stores web versions and content-addressed assets', async () => {
        await store.putWebVersion(account.id, 'm1', '<p>v1</p>', T0);
        await store.putWebVersion(account.id, 'm1', '<p>v2</p>', T0 + 1);
        expect(await store.getWebVersion(account.id, 'm1')).toBe('<p>v2</p>');
        expect(await store.getWebVersion(account.id, 'm2')).toBeNull();
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
        await store.putAsset({ hash: 'a'.repeat(64), mime: 'image/png', bytes }, account.id, T0);
        await store.putAsset({ hash: 'a'.repeat(64), mime: 'image/png', bytes }, account.id, T0);
        expect(await store.getAsset('a'.repeat(64))).toEqual({
          hash: 'a'.repeat(64),
          mime: 'image/png',
          bytes,
        });
        expect(await store.getAsset('b'.repeat(64))).toBeNull();
      });
    });

    describe('events and suppressions', () => {
      it('pages through events after a cursor, per account, each id once', async () => {
        const other = await testAccount(store, 'bakker', 'Bakker');
        const mine = Array.from({ length: 25 }, (_, i) =>
          event(account.id, { recipient: `r${i}` }),
        );
        await store.insertEvents(mine.slice(0, 10));
        await store.insertEvents([event(other.id)]);
        await store.insertEvents(mine.slice(10));
        await store.insertEvents([mine[0]!]);
        const seen: string[] = [];
        let cursor: string | null = null;
        for (;;) {
          const page: Awaited<ReturnType<TrackerStore['eventsAfter']>> = await store.eventsAfter(
            account.id,
            cursor,
            7,
          );
          if (page.events.length === 0) {
            expect(page.nextCursor).toBe(cursor);
            break;
          }
          seen.push(...page.events.map((e) => e.id));
          cursor = page.nextCursor;
        }
        expect(seen).toEqual(mine.map((e) => e.id));
        const first = (await store.eventsAfter(account.id, null, 1)).events[0];
        expect(first).toMatchObject({
          kind: 'open',
          mailing: 'm1',
          recipient: 'r0',
          link: null,
          machine: null,
          at: T0,
        });
      });

      it('stores a batch larger than one statement whole, every column, a repeated id once', async () => {
        // 250 rows: three PostgreSQL statements of at most 100 rows, 250 runs of SQLite's one row.
        const batch = Array.from({ length: 250 }, (_, i) =>
          event(account.id, {
            kind: i % 2 ? 'click' : 'open',
            recipient: `r${i}`,
            link: i % 2 ? i : null,
            machine: i % 3 ? null : 'link-scanner',
            at: T0 + i,
          }),
        );
        await store.insertEvents([...batch, batch[120]!]);
        const page = await store.eventsAfter(account.id, null, 1000);
        expect(page.events.map(({ seq: _seq, ...stored }) => stored)).toEqual(
          batch.map((e) => ({
            id: e.id,
            kind: e.kind,
            mailing: e.mailing,
            recipient: e.recipient,
            link: e.link,
            machine: e.machine,
            at: e.at,
          })),
        );
      });

      it('never skips an event when writers and a reader run at the same time', async () => {
        const written: string[] = [];
        const writers = Array.from({ length: 8 }, async (_, w) => {
          for (let b = 0; b < 5; b += 1) {
            const batch = Array.from({ length: 20 }, () =>
              event(account.id, { recipient: `w${w}` }),
            );
            written.push(...batch.map((e) => e.id));
            await store.insertEvents(batch);
          }
        });
        const seen = new Set<string>();
        let cursor: string | null = null;
        let writing = true;
        const done = Promise.all(writers).then(() => (writing = false));
        while (writing) {
          const page: Awaited<ReturnType<TrackerStore['eventsAfter']>> = await store.eventsAfter(
            account.id,
            cursor,
            50,
          );
          page.events.forEach((e) => seen.add(e.id));
          cursor = page.nextCursor;
        }
        await done;
        for (;;) {
          const page: Awaited<ReturnType<TrackerStore['eventsAfter']>> = await store.eventsAfter(
            account.id,
            cursor,
            500,
          );
          if (page.events.length === 0) break;
          page.events.forEach((e) => seen.add(e.id));
          cursor = page.nextCursor;
        }
        expect(seen.size).toBe(written.length);
      });

      it('unsubscribes once: a replay adds neither a suppression nor an event', async () => {
        const unsubscribe = event(account.id, {
          kind: 'unsubscribe',
          recipient: 'r7',
          mailing: 'm3',
        });
        expect(await store.unsubscribe(unsubscribe)).toBe(true);
        expect(await store.unsubscribe({ ...unsubscribe, id: 'replay' })).toBe(false);
        expect(await store.listSuppressions(account.id)).toEqual([
          { recipient: 'r7', mailing: 'm3', at: T0 },
        ]);
        const { events } = await store.eventsAfter(account.id, null, 10);
        expect(events.map((e) => e.kind)).toEqual(['unsubscribe']);
      });

      it('lifts a suppression on the first confirmation only, and says whether it was confirmed', async () => {
        await store.unsubscribe(event(account.id, { kind: 'unsubscribe', recipient: 'r7' }));
        expect(await store.isConfirmed(account.id, 'r7')).toBe(false);
        expect(await store.confirm(event(account.id, { kind: 'confirm', recipient: 'r7' }))).toBe(
          true,
        );
        expect(await store.listSuppressions(account.id)).toEqual([]);
        expect(await store.isConfirmed(account.id, 'r7')).toBe(true);
        expect(await store.isConfirmed('acc_other', 'r7')).toBe(false);
        expect(await store.confirm(event(account.id, { kind: 'confirm', recipient: 'r7' }))).toBe(
          false,
        );
        const kinds = (await store.eventsAfter(account.id, null, 10)).events.map((e) => e.kind);
        expect(kinds).toEqual(['unsubscribe', 'confirm']);
      });

      it('anonymises events before the cutoff and keeps them counted', async () => {
        await store.insertEvents([
          event(account.id, { at: T0, recipient: 'old' }),
          event(account.id, { at: T0 + 10, recipient: 'new', kind: 'click', link: 2 }),
        ]);
        await store.unsubscribe(
          event(account.id, { kind: 'unsubscribe', recipient: 'gone', at: T0 }),
        );
        expect(await store.anonymiseEventsBefore(T0 + 5)).toBe(2);
        expect(await store.anonymiseEventsBefore(T0 + 5)).toBe(0);
        const { events } = await store.eventsAfter(account.id, null, 10);
        expect(events.map((e) => [e.kind, e.recipient])).toEqual([
          ['open', null],
          ['click', 'new'],
          ['unsubscribe', null],
        ]);
        // The suppression itself is what keeps the person from being mailed: it stays.
        expect((await store.listSuppressions(account.id)).map((s) => s.recipient)).toEqual([
          'gone',
        ]);
      });
    });
  });
}
