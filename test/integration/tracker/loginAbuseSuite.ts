import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../tracker/password';
import type { StoreFactory } from './helpers/storeFactories';
import { PASSWORD, startTestTracker, type TestTracker } from './helpers/testTracker';

interface Answer {
  status: number;
  code: string;
  retryAfter: string | null;
}

/** A login as it arrives through a proxy that appended `via` to whatever the client sent. */
async function login(
  t: TestTracker,
  password: string,
  forwardedFor?: string,
  userName = 'modezaak',
): Promise<Answer> {
  const response = await fetch(`${t.url}/api/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    },
    body: JSON.stringify({ userName, password }),
  });
  const body = (await response.json()) as { token?: string; error?: { code: string } };
  return {
    status: response.status,
    code: body.token ? 'ok' : (body.error?.code ?? 'none'),
    retryAfter: response.headers.get('retry-after'),
  };
}

const tally = (answers: Answer[]) =>
  answers.reduce<Record<string, number>>((counts, a) => {
    counts[a.code] = (counts[a.code] ?? 0) + 1;
    return counts;
  }, {});

const randomIp = () =>
  Array.from({ length: 4 }, () => Math.floor(Math.random() * 254) + 1).join('.');

/** Login abuse over real HTTP with parallel attackers: proxies, lockout per network, budgets. */
export function defineLoginAbuseSuite(name: string, factory: StoreFactory): void {
  describe(`${name}: login abuse`, () => {
    let t: TestTracker | undefined;
    afterEach(async () => t?.close());

    it('rate-limits a network however it rotates the leftmost X-Forwarded-For (hop count)', async () => {
      t = await startTestTracker(factory, {
        trustProxy: 1,
        loginPolicy: { ipAttempts: 10, hashQueueLength: 100 },
      });
      const tracker = t;
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(tracker, `guess-${i}`, `${randomIp()}, ${randomIp()}, 203.0.113.9`),
        ),
      );
      const counts = tally(answers);
      expect(counts.rate_limited).toBe(30);
      expect((counts.wrong_password ?? 0) + (counts.locked ?? 0)).toBe(10);
      for (const a of answers.filter((x) => x.code === 'rate_limited')) {
        expect(a.status).toBe(429);
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
      // Another network (what the proxy appended) still gets in.
      expect((await login(tracker, PASSWORD, `203.0.113.9, 198.51.100.7`)).code).toBe('ok');
    });

    it('rate-limits by the first address after the listed proxies, and ignores the header without them', async () => {
      t = await startTestTracker(factory, {
        trustProxy: ['127.0.0.1', '10.0.0.0/8'],
        loginPolicy: { ipAttempts: 5, hashQueueLength: 100 },
      });
      const tracker = t;
      const viaTwoProxies = await Promise.all(
        Array.from({ length: 12 }, () =>
          login(tracker, 'guess', `${randomIp()}, 203.0.113.9, 10.1.2.3`, 'nobody'),
        ),
      );
      expect(tally(viaTwoProxies)).toEqual({ wrong_password: 5, rate_limited: 7 });
      await t.close();

      // No proxy configured: the header is the client's own word and means nothing.
      t = await startTestTracker(factory, { loginPolicy: { ipAttempts: 5, hashQueueLength: 100 } });
      const direct = t;
      const rotated = await Promise.all(
        Array.from({ length: 8 }, () => login(direct, 'guess', randomIp(), 'nobody')),
      );
      // startTestTracker's own login was the first attempt from 127.0.0.0.
      expect(tally(rotated)).toEqual({ wrong_password: 4, rate_limited: 4 });
    });

    it('locks a stranger’s network, not the owner’s, against parallel attackers', async () => {
      t = await startTestTracker(factory, {
        trustProxy: ['127.0.0.1'],
        loginPolicy: { ipAttempts: 1000, hashQueueLength: 100 },
      });
      const tracker = t;
      const attack = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          login(tracker, `guess-${i}`, i % 2 ? `203.0.113.${i}` : `2001:db8:bad::${i}`),
        ),
      );
      const counts = tally(attack);
      expect(counts.ok).toBeUndefined();
      expect(counts.locked).toBeGreaterThan(0);
      // The attackers' networks are locked, even for the right password…
      expect((await login(tracker, PASSWORD, '203.0.113.200')).code).toBe('locked');
      expect((await login(tracker, PASSWORD, '2001:db8:bad::1')).code).toBe('locked');
      // …while the shop logs in from its own network, during the attack too.
      const during = await Promise.all([
        login(tracker, PASSWORD, '198.51.100.7'),
        ...Array.from({ length: 10 }, (_, i) => login(tracker, `more-${i}`, `203.0.113.${i}`)),
      ]);
      expect(during[0]!.code).toBe('ok');
      expect(tally(during.slice(1))).toEqual({ locked: 10 });
      expect((await login(tracker, PASSWORD)).code).toBe('ok');
    });

    it('answers 503 with Retry-After at once when the hash queue is full', async () => {
      let release = () => undefined as void;
      let gate: Promise<void> = Promise.resolve();
      t = await startTestTracker(factory, {
        trustProxy: ['127.0.0.1'],
        loginPolicy: { ipAttempts: 1000, hashConcurrency: 2, hashQueueLength: 3 },
        verifyPassword: async (password, stored) => {
          await gate;
          return verifyPassword(password, stored);
        },
      });
      const tracker = t;
      gate = new Promise<void>((resolve) => (release = resolve));
      const answered: Answer[] = [];
      const pending = Array.from({ length: 10 }, (_, i) =>
        login(tracker, 'guess', `198.51.100.${i}`, 'nobody').then((a) => {
          answered.push(a);
          return a;
        }),
      );
      // Two hashing and three waiting: the other five are answered while the hashes are held.
      for (let i = 0; i < 500 && answered.length < 5; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 10));
      expect(answered).toHaveLength(5);
      for (const a of answered) {
        expect(a).toMatchObject({ status: 503, code: 'rate_limited' });
        expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      }
      release();
      expect(tally(await Promise.all(pending))).toEqual({ rate_limited: 5, wrong_password: 5 });
      expect((await login(tracker, PASSWORD)).code).toBe('ok');
    });

    it('keeps a budget of attempts for the whole tracker across networks', async () => {
      t = await startTestTracker(factory, {
        trustProxy: ['127.0.0.1'],
        loginPolicy: { globalAttempts: 5, hashQueueLength: 100 },
      });
      const tracker = t;
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(tracker, 'guess', `198.51.${i}.1`, 'nobody')),
      );
      // startTestTracker's own login used the first of the five.
      expect(tally(answers)).toEqual({ wrong_password: 4, rate_limited: 6 });
      const busy = answers.find((a) => a.code === 'rate_limited')!;
      expect(busy.status).toBe(503);
      expect(Number(busy.retryAfter)).toBe(600);
      t.clock.advance(10 * 60_000);
      expect((await login(tracker, PASSWORD, '192.0.2.1')).code).toBe('ok');
    });
  });
}
