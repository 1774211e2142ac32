import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, rotateKey } from '../../../tracker/accounts';
import { TrackerClient, TrackerError } from '../../../tracker/client';
import { buildTracker, type TrackerServer } from '../../../tracker/server';
import { openPostgresStore } from '../../../tracker/store/openStore';
import type { Account, TrackerStore } from '../../../tracker/store/types';
import { SpoolIngester } from '../../../tracker/spool/spoolIngester';
import { SpoolWriter } from '../../../tracker/spool/spoolWriter';
import { signToken } from '../../../tracker/tokens';
import { tempDir } from '../../helpers/tempDir';
import { T0, TEST_SCRYPT } from './helpers/fixtures';
import { withPostgres } from './helpers/postgresSetup';

const PASSWORD = 'correct horse battery';

interface Instance {
  server: TrackerServer;
  store: TrackerStore;
  url: string;
  /** Each instance spools its opens and clicks in a folder of its own, as `npm run tracker` does. */
  ingester: SpoolIngester;
  spoolDir: ReturnType<typeof tempDir>;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof TrackerError ? error.code : String(error)),
  );

/**
 * Two tracker instances (each its own store connection pool, caches and event spool, as two
 * processes or machines would have) on one PostgreSQL database: login limits, sessions, credits,
 * keys and events hold across them because they live in the database.
 */
withPostgres((cluster) => {
  describe('two tracker instances on one PostgreSQL', () => {
    let a: Instance;
    let b: Instance;
    let account: Account;

    const start = async (databaseUrl: string): Promise<Instance> => {
      const store = await openPostgresStore(databaseUrl);
      const spoolDir = tempDir('winkelpost-spool-');
      const server = buildTracker({
        spool: new SpoolWriter(spoolDir.path),
        store,
        publicUrl: 'http://tracker.test',
        scrypt: TEST_SCRYPT,
        retention: false,
        loginPolicy: { ipAttempts: 14, hashQueueLength: 100 },
        // Long enough that only a flush or a close writes them: the test decides when.
        eventBuffer: { intervalMs: 60_000, maxBatch: 100_000 },
      });
      return {
        server,
        store,
        url: await server.listen({ host: '127.0.0.1', port: 0 }),
        ingester: new SpoolIngester(spoolDir.path, store),
        spoolDir,
      };
    };

    beforeAll(async () => {
      const databaseUrl = await cluster().createDatabase();
      a = await start(databaseUrl);
      b = await start(databaseUrl);
      account = await createAccount(a.store, {
        userName: 'modezaak',
        shopName: 'Jouw Modezaak',
        password: PASSWORD,
        now: T0,
        scrypt: TEST_SCRYPT,
      });
    });
    afterAll(async () => {
      for (const instance of [a, b]) {
        await instance?.server.close().catch(() => undefined);
        await instance?.store.close().catch(() => undefined);
        instance?.spoolDir.remove();
      }
    });

    it('shares sessions: a login on one works on the other, a logout on the other ends it', async () => {
      const onA = new TrackerClient({ baseUrl: a.url });
      await onA.login('modezaak', PASSWORD);
      const onB = new TrackerClient({ baseUrl: b.url, token: onA.sessionToken });
      expect((await onB.account()).account).toBe(account.id);
      await onB.logout();
      expect(await code(onA.account())).toBe('unauthorized');
    });

    it('never lets parallel reservations on both take the balance below zero', async () => {
      await a.store.grantCredits(account.id, 50, 'test', T0);
      const onA = new TrackerClient({ baseUrl: a.url });
      await onA.login('modezaak', PASSWORD);
      const onB = new TrackerClient({ baseUrl: b.url, token: onA.sessionToken });
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) => code((i % 2 ? onA : onB).reserve(`send-${i}`, 1))),
      );
      expect(results.filter((r) => r === 'ok')).toHaveLength(50);
      expect(results.filter((r) => r === 'insufficient_credits')).toHaveLength(50);
      // A retry on the other instance is recognised as a retry, not charged again.
      const first = results.indexOf('ok');
      expect(await (first % 2 ? onB : onA).reserve(`send-${first}`, 1)).toMatchObject({
        replayed: true,
        balance: 0,
        reserved: 50,
      });
    });

    it('counts failed logins and attempts per network across both instances', async () => {
      const login = (instance: Instance, password: string) =>
        code(new TrackerClient({ baseUrl: instance.url }).login('modezaak', password));
      // The two logins above came from this network too: 12 attempts remain before the limit.
      const failures = [];
      for (let i = 0; i < 5; i += 1) failures.push(await login(i % 2 ? b : a, `wrong-${i}`));
      expect(failures).toEqual([
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'wrong_password',
        'locked',
      ]);
      expect(await login(a, PASSWORD)).toBe('locked');
      expect(await login(b, PASSWORD)).toBe('locked');
      const rest = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(i % 2 ? a : b, 'wrong')),
      );
      expect(rest.filter((r) => r === 'rate_limited')).toHaveLength(5);
    });

    it('stores every open of both, each once, and drains a closing instance', async () => {
      const kid = await rotateKey(a.store, account.id, T0);
      const key = (await a.store.currentKey(account.id))!.key;
      const token = (recipient: string) =>
        signToken({ v: 1, kid, account: account.id, mailing: 'm1', recipient, kind: 'open' }, key);
      await Promise.all(
        Array.from({ length: 300 }, async (_, i) => {
          const response = await fetch(`${(i % 2 ? a : b).url}/o/${token(`r${i}`)}.gif`);
          expect(response.status).toBe(200);
          await response.arrayBuffer();
        }),
      );
      // B goes away with its events still in its spool: its ingester stores them all.
      await b.server.close();
      await b.ingester.ingestOnce(true);
      const pulled: string[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page = await a.store.eventsAfter(account.id, cursor, 100);
        if (page.events.length === 0) break;
        for (const event of page.events) pulled.push(event.recipient ?? '');
        cursor = page.nextCursor;
      }
      // A's ingester stores later: a cursor taken before never skips its events.
      await a.ingester.ingestOnce();
      const after = await a.store.eventsAfter(account.id, cursor, 1000);
      for (const event of after.events) pulled.push(event.recipient ?? '');
      expect(pulled).toHaveLength(300);
      expect(new Set(pulled).size).toBe(300);
    });
  });
});
