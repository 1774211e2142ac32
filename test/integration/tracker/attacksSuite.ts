import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { TrackerClient } from '../../../tracker/client';
import { buildTracker } from '../../../tracker/server';
import { SpoolIngester } from '../../../tracker/spool/spoolIngester';
import { SpoolWriter } from '../../../tracker/spool/spoolWriter';
import { tempDir } from '../../helpers/tempDir';
import type { TokenKind } from '../../../tracker/tokens';
import type { StoreFactory } from './helpers/storeFactories';
import { PASSWORD, startTestTracker, type TestTracker } from './helpers/testTracker';

const FORM = 'application/x-www-form-urlencoded';
const ONE_CLICK = 'List-Unsubscribe=One-Click';

/** Writes `text` on a plain socket; everything the tracker said before it closed. */
function socketExchange(url: string, text: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
  });
}

const statusLine = (answer: string) => answer.split('\r\n')[0] ?? '';

/** The tracker as an attacker on the internet sees it: forged tokens, redirects, floods, injections. */
export function defineAttacksSuite(name: string, factory: StoreFactory): void {
  describe(`${name}: attacks on the tracker`, () => {
    let t: TestTracker;
    beforeEach(async () => {
      t = await startTestTracker(factory);
    });
    afterEach(async () => t.close());

    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${t.url}/api${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${t.client.sessionToken}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
      });

    async function nothingRecorded() {
      await t.server.tracker.flushEvents();
      expect((await t.client.eventsAfter(null, 10)).events).toEqual([]);
      expect((await t.client.suppressions()).suppressions).toEqual([]);
    }

    const path: Record<TokenKind, (token: string) => string> = {
      open: (token) => `/o/${token}.gif`,
      click: (token) => `/c/${token}`,
      web: (token) => `/w/${token}`,
      unsubscribe: (token) => `/u/${token}`,
      confirm: (token) => `/confirm/${token}`,
    };

    it('refuses forged, tampered, foreign-account, retired-key and wrong-kind tokens of every kind', async () => {
      await t.client.registerLinks('m1', [{ id: 0, url: 'https://bakkerij.nl/' }]);
      await t.client.putWebVersion('m1', '<p>Web</p>');
      const other = await startTestTracker(factory);
      try {
        for (const kind of ['open', 'click', 'web', 'unsubscribe', 'confirm'] as const) {
          const extra = kind === 'click' ? { link: 0 } : {};
          const good = t.token(kind, extra);
          const [body = '', mac = ''] = good.split('.');
          const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
          const reencode = (changes: object) =>
            Buffer.from(JSON.stringify({ ...payload, ...changes })).toString('base64url');
          const forgeries = {
            otherKey: t.token(kind, extra, randomBytes(32)),
            changedRecipient: `${reencode({ recipient: 'r2' })}.${mac}`,
            changedMailing: `${reencode({ mailing: 'm2' })}.${mac}`,
            noSignature: `${body}.`,
            noDot: body,
            macOnly: `.${mac}`,
            // This account's key signing a payload that names another account.
            foreignAccount: t.token(kind, { ...extra, account: other.account.id }),
            retiredKey: t.token(kind, { ...extra, kid: 'k-old' }),
            // What the store looks the key up by, as SQL and as text PostgreSQL cannot hold.
            sqlAccount: t.token(kind, { ...extra, account: "' OR '1'='1" }),
            nulKid: t.token(kind, { ...extra, kid: 'k\u0000' }),
            nulAccount: t.token(kind, { ...extra, account: `${t.account.id}\u0000` }),
            wrongKind: t.token(kind === 'open' ? 'click' : 'open', { link: 0 }),
            algNone: `${reencode({ alg: 'none' })}.`,
            doubled: `${good}.${mac}`,
          };
          for (const [label, forged] of Object.entries(forgeries)) {
            for (const method of ['GET', 'POST'] as const) {
              if (method === 'POST' && kind !== 'unsubscribe' && kind !== 'confirm') continue;
              const answer = await fetch(`${t.url}${path[kind](forged)}`, {
                method,
                redirect: 'manual',
                ...(method === 'POST'
                  ? { headers: { 'content-type': FORM }, body: ONE_CLICK }
                  : {}),
              });
              const text = await answer.text();
              if (kind === 'open') {
                expect(answer.status, `${kind} ${label}`).toBe(200);
                expect(answer.headers.get('content-type')).toBe('image/gif');
              } else {
                expect(answer.status, `${kind} ${label} ${method}`).toBe(404);
                expect(answer.headers.get('location')).toBeNull();
                expect(text).not.toContain('Web</p>');
              }
            }
          }
        }
        await nothingRecorded();
      } finally {
        await other.close();
      }
    });

    it('stores the opens after a forged pixel whose key id the store cannot look up (no poison line in the spool)', async () => {
      const dir = tempDir('winkelpost-attack-spool-');
      const spoolDir = join(dir.path, 'spool');
      const spooled = buildTracker({
        store: t.store,
        publicUrl: 'http://t.test',
        retention: false,
        spool: new SpoolWriter(spoolDir),
      });
      try {
        const url = await spooled.listen({ host: '127.0.0.1', port: 0 });
        for (const token of [
          t.token('open', { kid: 'k\u0000' }),
          t.token('open', { account: "'; DROP TABLE events; --" }),
          t.token('open', { recipient: 'r7' }),
        ]) {
          expect((await fetch(`${url}/o/${token}.gif`)).status).toBe(200);
        }
        await spooled.close();
        await new SpoolIngester(spoolDir, t.store).ingestOnce();
        const { events } = await t.client.eventsAfter(null, 10);
        expect(events.map((e) => [e.kind, e.recipient])).toEqual([['open', 'r7']]);
      } finally {
        await spooled.close();
        dir.remove();
      }
    });

    it('redirects a click only to the registered link: no URL from the request, no unsafe link stored', async () => {
      await t.client.registerLinks('m1', [{ id: 0, url: 'https://bakkerij.nl/actie' }]);
      const token = t.token('click', { link: 0 });
      for (const suffix of [
        '?url=https://evil.example/',
        '?next=//evil.example',
        '/https://evil.example',
        '/..%2f..%2f//evil.example',
        '%2f%2fevil.example',
      ]) {
        const answer = await fetch(`${t.url}/c/${token}${suffix}`, { redirect: 'manual' });
        const location = answer.headers.get('location');
        expect(location === null || location === 'https://bakkerij.nl/actie', suffix).toBe(true);
      }
      for (const url of [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        '//evil.example/',
        '\\\\evil.example\\x',
        '/relative',
        'https://bakkerij.nl@evil.example/',
        'https://bakkerij.nl:pw@evil.example/',
        'https://evil.example\\@bakkerij.nl/',
        'https://bakkerij.nl%2f@evil.example/',
        'https://127.0.0.1/admin',
        'http://[::1]/',
        'http://0x7f.1/',
        'http://2130706433/',
        'http://localhost:8787/api/events',
        'http://tracker.internal/',
        'https://bakkerij.nl/\r\nSet-Cookie: a=b',
        'https://bakkerij.nl/\tx',
        ' https://bakkerij.nl/',
        `https://bakkerij.nl/${'a'.repeat(3000)}`,
      ]) {
        const refused = await api('/mailings/m1/links', {
          method: 'PUT',
          body: JSON.stringify({ links: [{ id: 0, url }] }),
        });
        expect(refused.status, url).toBe(400);
      }
      const still = await fetch(`${t.url}/c/${token}`, { redirect: 'manual' });
      expect(still.headers.get('location')).toBe('https://bakkerij.nl/actie');
    });

    it('lets no request line, token or user agent add a header to the answer', async () => {
      const token = t.token('unsubscribe');
      for (const target of [
        `/c/x%0d%0aSet-Cookie:%20a=b`,
        `/u/${token}%0d%0aLocation:%20https://evil.example`,
        `/o/x%0d%0aSet-Cookie:%20a=b.gif`,
      ]) {
        const answer = await socketExchange(
          t.url,
          `GET ${target} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`,
        );
        const head = answer.split('\r\n\r\n')[0] ?? '';
        expect(head, target).not.toMatch(/^set-cookie|^location: https:\/\/evil/im);
      }
      // A bare CR inside a header value: refused by the HTTP parser before any route runs.
      const injected = await socketExchange(
        t.url,
        `GET /o/${t.token('open')}.gif HTTP/1.1\r\nHost: t\r\nUser-Agent: a\rSet-Cookie: x=1\r\nConnection: close\r\n\r\n`,
      );
      expect(statusLine(injected)).toContain('400');
      // Markup and length in a user agent: the redirect is the registered link and nothing else.
      await t.client.registerLinks('m1', [{ id: 0, url: 'https://bakkerij.nl/' }]);
      const agent = `"><script>alert(1)</script>${'x'.repeat(5000)}`;
      const click = await fetch(`${t.url}/c/${t.token('click', { link: 0 })}`, {
        headers: { 'user-agent': agent },
        redirect: 'manual',
      });
      expect(click.status).toBe(302);
      expect(click.headers.get('location')).toBe('https://bakkerij.nl/');
      await t.server.tracker.flushEvents();
      expect((await t.client.eventsAfter(null, 10)).events.map((e) => e.kind)).toEqual(['click']);
    });

    it('answers oversized paths, tokens and headers with a refusal, never a crash', async () => {
      const longPath = await socketExchange(
        t.url,
        `GET /c/${'a'.repeat(100_000)} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n`,
      );
      expect(statusLine(longPath)).toMatch(/ 4(14|31) /);
      const longToken = await fetch(`${t.url}/u/${'a'.repeat(5000)}.${'b'.repeat(43)}`);
      expect([404, 414]).toContain(longToken.status);
      expect(await longToken.text()).not.toMatch(/at .*\.ts:\d+/);
      const bigHeader = await socketExchange(
        t.url,
        `GET /o/x.gif HTTP/1.1\r\nHost: t\r\nX-Big: ${'a'.repeat(40_000)}\r\nConnection: close\r\n\r\n`,
      );
      expect(statusLine(bigHeader)).toContain('431');
      const manyHeaders = await socketExchange(
        t.url,
        `GET /o/x.gif HTTP/1.1\r\nHost: t\r\n${'X-A: 1\r\n'.repeat(5000)}Connection: close\r\n\r\n`,
      );
      expect(statusLine(manyHeaders)).toMatch(/ 4\d\d /);
      // Still answering.
      expect((await fetch(`${t.url}/o/${t.token('open')}.gif`)).status).toBe(200);
    });

    it('unsubscribes only on a POST with the RFC 8058 body; GET, HEAD and other bodies change nothing', async () => {
      const url = `${t.url}/u/${t.token('unsubscribe')}`;
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);
      for (const [contentType, body] of [
        [FORM, ''],
        [FORM, 'List-Unsubscribe=No'],
        ['text/plain', 'anything'],
        ['application/json', '{"List-Unsubscribe":"One-Click"}'],
        [FORM, 'x=List-Unsubscribe%3DOne-Click'],
      ] as const) {
        const answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        });
        expect(answer.status, body).toBe(400);
        const page = await answer.text();
        // The question again, with its button: a person who came here can still unsubscribe.
        expect(page).toContain('<html lang="nl">');
        expect(page).toContain('<form method="post">');
        expect(answer.headers.get('set-cookie')).toBeNull();
      }
      await nothingRecorded();
      const right = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': FORM },
        body: `foo=bar&${ONE_CLICK}`,
      });
      expect(right.status).toBe(200);
      expect((await t.client.suppressions()).suppressions).toHaveLength(1);
    });

    it('limits unsubscribe and confirm posts per network, so a bot cannot flood the store', async () => {
      await t.close();
      t = await startTestTracker(factory, {
        unsubscribeLimit: { perWindow: 5, windowMs: 60_000 },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const answer = await fetch(`${t.url}/u/${t.token('unsubscribe', { recipient: `r${i}` })}`, {
          method: 'POST',
          headers: { 'content-type': FORM },
          body: ONE_CLICK,
        });
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(await answer.text()).toContain('Te veel verzoeken');
        }
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect((await t.client.suppressions()).suppressions).toHaveLength(5);
      const confirm = await fetch(`${t.url}/confirm/${t.token('confirm', { recipient: 'r1' })}`, {
        method: 'POST',
        headers: { 'content-type': FORM },
        body: '',
      });
      expect(confirm.status).toBe(429);
      // Showing the page changes nothing and is not limited.
      expect((await fetch(`${t.url}/u/${t.token('unsubscribe')}`)).status).toBe(200);
      t.clock.advance(61_000);
      const later = await fetch(`${t.url}/u/${t.token('unsubscribe', { recipient: 'r9' })}`, {
        method: 'POST',
        headers: { 'content-type': FORM },
        body: ONE_CLICK,
      });
      expect(later.status).toBe(200);
    });

    it('serves the web version under a CSP in which no script runs', async () => {
      await t.client.putWebVersion(
        'm1',
        '<p>Hoi</p><script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
      );
      const answer = await fetch(`${t.url}/w/${t.token('web')}`);
      expect(answer.status).toBe(200);
      const csp = answer.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [key = '', ...values] = d.trim().split(/\s+/);
          return [key, values];
        }),
      );
      expect(directives['default-src']).toEqual(["'none'"]);
      expect(directives['script-src']).toBeUndefined();
      expect(directives.sandbox).toBeDefined();
      expect(directives.sandbox).not.toContain('allow-scripts');
      expect(directives.sandbox).not.toContain('allow-same-origin');
      expect(directives['form-action']).toEqual(["'none'"]);
      expect(answer.headers.get('set-cookie')).toBeNull();
    });

    it('gives every login a new session and sets no cookie: a planted token never becomes valid', async () => {
      const planted = 'A'.repeat(43);
      const login = await fetch(`${t.url}/api/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${planted}`,
          cookie: `session=${planted}`,
        },
        body: JSON.stringify({ userName: 'modezaak', password: PASSWORD }),
      });
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toBeNull();
      const { token } = (await login.json()) as { token: string };
      expect(token).not.toBe(planted);
      expect(token).not.toBe(t.client.sessionToken);
      const withPlanted = await fetch(`${t.url}/api/account`, {
        headers: { authorization: `Bearer ${planted}` },
      });
      expect(withPlanted.status).toBe(401);
      for (const header of [`Bearer ${token}x`, `Bearer  ${token}`, `Basic ${token}`, token]) {
        const odd = await fetch(`${t.url}/api/account`, { headers: { authorization: header } });
        expect(odd.status, header).toBe(401);
      }
    });

    it('treats SQL and odd characters in every API parameter as text', async () => {
      const attacks = [
        "' OR '1'='1",
        "x'); DROP TABLE accounts; --",
        '1; DELETE FROM sessions',
        "\\'; SELECT pg_sleep(5); --",
        'r\u0000x',
        '\ud800',
      ];
      const other = await startTestTracker(factory);
      try {
        for (const attack of attacks) {
          // A lone surrogate has no URL spelling of its own: its UTF-8 bytes as a browser sends them.
          const inUrl = /[\ud800-\udfff]/.test(attack) ? '%ED%A0%80' : encodeURIComponent(attack);
          const login = await fetch(`${t.url}/api/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ userName: attack, password: attack }),
          });
          expect([400, 401], `login ${attack}`).toContain(login.status);
          const calls: [string, RequestInit][] = [
            [
              '/credits/reserve',
              { method: 'POST', body: JSON.stringify({ reservationId: attack, amount: 1 }) },
            ],
            [
              '/credits/commit',
              {
                method: 'POST',
                body: JSON.stringify({ reservationId: attack, amount: 1, idempotencyKey: attack }),
              },
            ],
            [
              '/credits/release',
              { method: 'POST', body: JSON.stringify({ reservationId: attack }) },
            ],
            [
              '/orders',
              {
                method: 'POST',
                body: JSON.stringify({ bundleId: attack, idempotencyKey: attack, note: attack }),
              },
            ],
            [`/credits/ledger?limit=${inUrl}`, {}],
            [`/events?after=${inUrl}`, {}],
            [`/events?limit=${inUrl}`, {}],
            [
              `/mailings/${inUrl}/links`,
              {
                method: 'PUT',
                body: JSON.stringify({ links: [{ id: 0, url: 'https://bakkerij.nl/' }] }),
              },
            ],
            [
              `/mailings/${inUrl}/web-version`,
              { method: 'PUT', body: JSON.stringify({ html: attack }) },
            ],
          ];
          for (const [route, init] of calls) {
            const answer = await api(route, init);
            expect(answer.status, `${route} ${JSON.stringify(attack)}`).toBeLessThan(500);
          }
        }
        // The other account saw nothing, and this one still works.
        expect((await other.client.eventsAfter(null, 10)).events).toEqual([]);
        expect((await api('/account')).status).toBe(200);
        const fresh = new TrackerClient({ baseUrl: t.url });
        expect((await fresh.login('modezaak', PASSWORD)).account).toBe(t.account.id);
      } finally {
        await other.close();
      }
    });
  });
}
