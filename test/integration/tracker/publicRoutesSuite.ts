import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PIXEL_GIF } from '../../../tracker/routes/public';
import type { StoreFactory } from './helpers/storeFactories';
import { startTestTracker, type TestTracker } from './helpers/testTracker';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('rest of a png'),
]);

async function pixel(t: TestTracker, path: string, userAgent = BROWSER) {
  const response = await fetch(`${t.url}${path}`, { headers: { 'user-agent': userAgent } });
  const body = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !['date', 'connection', 'keep-alive'].includes(name)),
  );
  return { status: response.status, headers, body };
}

async function allEvents(t: TestTracker) {
  return (await t.client.eventsAfter(null, 1000)).events;
}

/** Pixel, click redirects, web versions and hosted images over real HTTP. */
export function definePublicRoutesSuite(name: string, factory: StoreFactory): void {
  describe(`${name}: public routes`, () => {
    let t: TestTracker;
    beforeEach(async () => {
      t = await startTestTracker(factory);
    });
    afterEach(async () => t.close());

    describe('open pixel', () => {
      it('answers a valid token with the 43-byte GIF, never cached, and records one open', async () => {
        const answer = await pixel(t, `/o/${t.token('open')}.gif`);
        expect(answer.status).toBe(200);
        expect(answer.body.length).toBe(43);
        expect(answer.body.equals(PIXEL_GIF)).toBe(true);
        expect(answer.headers['content-type']).toBe('image/gif');
        expect(answer.headers['cache-control']).toContain('no-store');
        expect(answer.headers['set-cookie']).toBeUndefined();
        const events = await allEvents(t);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          kind: 'open',
          mailing: 'm1',
          recipient: 'r1',
          machine: false,
          link: null,
        });
      });

      it('answers tampered, foreign, truncated and wrong-kind tokens exactly the same, recording nothing', async () => {
        const valid = await pixel(t, `/o/${t.token('open', { mailing: 'x' })}.gif`);
        const token = t.token('open');
        const tampered = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
        const paths = [
          `/o/${tampered}.gif`,
          `/o/${token.slice(0, -3)}.gif`,
          `/o/${t.token('click', { link: 1 })}.gif`,
          `/o/${t.token('open', {}, Buffer.alloc(32, 9))}.gif`,
          `/o/${t.token('open', { kid: 'k7' })}.gif`,
          '/o/garbage.gif',
          `/o/${'x'.repeat(3000)}.gif`,
          `/o/${token}=.gif`,
        ];
        for (const path of paths) {
          const answer = await pixel(t, path);
          expect({ path, status: answer.status, headers: answer.headers }).toEqual({
            path,
            status: valid.status,
            headers: valid.headers,
          });
          expect(answer.body.equals(valid.body)).toBe(true);
        }
        expect((await allEvents(t)).map((e) => e.mailing)).toEqual(['x']);
      });

      it('flags Apple Mail Privacy Protection, scanners and opens within seconds of sending as machine', async () => {
        const iat = Math.floor(t.clock.now() / 1000);
        await pixel(t, `/o/${t.token('open', { recipient: 'apple' })}.gif`, 'Mozilla/5.0');
        await pixel(
          t,
          `/o/${t.token('open', { recipient: 'scanner' })}.gif`,
          'Mozilla/5.0 (compatible; Barracuda Sentinel)',
        );
        await pixel(t, `/o/${t.token('open', { recipient: 'fast', iat })}.gif`);
        t.clock.advance(60_000);
        await pixel(t, `/o/${t.token('open', { recipient: 'person', iat })}.gif`);
        const verdicts = Object.fromEntries(
          (await allEvents(t)).map((e) => [e.recipient, e.machineReason]),
        );
        expect(verdicts).toEqual({
          apple: 'apple-privacy-proxy',
          scanner: 'link-scanner',
          fast: 'too-fast',
          person: null,
        });
      });

      it('takes the visitor’s address from the trusted proxy’s entry, not the leftmost', async () => {
        const proxied = await startTestTracker(factory, { trustProxy: 1 });
        try {
          const open = (recipient: string, forwardedFor: string) =>
            fetch(`${proxied.url}/o/${proxied.token('open', { recipient })}.gif`, {
              headers: { 'user-agent': BROWSER, 'x-forwarded-for': forwardedFor },
            });
          // Apple's network (17.0.0.0/8) marks an open as machine: only the proxy's entry counts.
          await open('via-apple', '198.51.100.2, 17.58.0.1');
          await open('forged-apple', '17.58.0.1, 198.51.100.2');
          const reasons = Object.fromEntries(
            (await proxied.client.eventsAfter(null, 10)).events.map((e) => [
              e.recipient,
              e.machineReason,
            ]),
          );
          expect(reasons).toEqual({ 'via-apple': 'apple-privacy-proxy', 'forged-apple': null });
        } finally {
          await proxied.close();
        }
      });

      it('still refuses a tampered copy of a token that was just accepted (checks are remembered by exact text)', async () => {
        const token = t.token('open', { recipient: 'seen' });
        const first = await pixel(t, `/o/${token}.gif`);
        const again = await pixel(t, `/o/${token}.gif`);
        const tampered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
        const forged = await pixel(t, `/o/${tampered}.gif`);
        const otherKey = await pixel(
          t,
          `/o/${t.token('open', { recipient: 'seen' }, Buffer.alloc(32, 7))}.gif`,
        );
        for (const answer of [again, forged, otherKey]) {
          expect({ status: answer.status, headers: answer.headers }).toEqual({
            status: first.status,
            headers: first.headers,
          });
        }
        expect((await allEvents(t)).map((e) => e.recipient)).toEqual(['seen', 'seen']);
        // A click route never takes an open token, remembered or not.
        const click = await fetch(`${t.url}/c/${token}`, { redirect: 'manual' });
        expect(click.status).toBe(404);
      });

      it('does not count HEAD requests', async () => {
        const response = await fetch(`${t.url}/o/${t.token('open')}.gif`, { method: 'HEAD' });
        expect(response.status).toBe(200);
        expect(await allEvents(t)).toEqual([]);
      });
    });

    describe('click redirect', () => {
      beforeEach(async () => {
        await t.client.registerLinks('m1', [
          { id: 0, url: 'https://jouwmodezaak.nl/sale?utm=mail' },
          { id: 1, url: 'http://jouwmodezaak.nl/winkel' },
        ]);
      });

      it('redirects to the link registered for that mailing and link id, and records the click', async () => {
        const response = await fetch(`${t.url}/c/${t.token('click', { link: 0 })}`, {
          redirect: 'manual',
          headers: { 'user-agent': BROWSER },
        });
        expect(response.status).toBe(302);
        expect(response.headers.get('location')).toBe('https://jouwmodezaak.nl/sale?utm=mail');
        expect(response.headers.get('set-cookie')).toBeNull();
        expect(await allEvents(t)).toMatchObject([
          { kind: 'click', link: 0, recipient: 'r1', machine: false },
        ]);
      });

      it('answers a 404 page for unknown links, other mailings, other kinds and tampered tokens', async () => {
        const token = t.token('click', { link: 1 });
        const paths = [
          `/c/${t.token('click', { link: 5 })}`,
          `/c/${t.token('click', { link: 0, mailing: 'm2' })}`,
          `/c/${t.token('click')}`,
          `/c/${t.token('open', { link: 0 })}`,
          `/c/${t.token('unsubscribe', { link: 0 })}`,
          `/c/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
          '/c/not-a-token',
          // A padded or re-spelled signature decodes to the same bytes but is not the token.
          `/c/${token}=`,
          `/c/${token}%3D%3D`,
        ];
        for (const path of paths) {
          const response = await fetch(`${t.url}${path}`, {
            redirect: 'manual',
            headers: { 'accept-language': 'nl' },
          });
          expect({ path, status: response.status }).toEqual({ path, status: 404 });
          expect(response.headers.get('location')).toBeNull();
          const page = await response.text();
          expect(page).toContain('Pagina niet gevonden');
          expect(page).not.toContain('<script');
        }
        expect(await allEvents(t)).toEqual([]);
      });

      it('answers a click from the caches with the same status and headers as the first, checked the slow way', async () => {
        const token = t.token('click', { link: 0 });
        const answer = async (path: string, method = 'GET') => {
          const response = await fetch(`${t.url}${path}`, { method, redirect: 'manual' });
          const headers = Object.fromEntries(
            [...response.headers].filter(([name]) => !['date', 'keep-alive'].includes(name)),
          );
          return { status: response.status, headers, body: await response.text() };
        };
        const first = await answer(`/c/${token}`);
        expect(first.status).toBe(302);
        expect(first.headers).toMatchObject({
          location: 'https://jouwmodezaak.nl/sale?utm=mail',
          'cache-control': 'no-store',
        });
        expect(await answer(`/c/${token}`)).toEqual(first);
        expect(await answer(`/c/${token}?utm_source=x`)).toEqual(first);
        // The same token escaped takes Fastify's route: the same answer.
        expect(await answer(`/c/${token.replace('.', '%2E')}`)).toEqual(first);
        const head = await answer(`/c/${token}`, 'HEAD');
        expect(head).toEqual(await answer(`/c/${token.replace('.', '%2E')}`, 'HEAD'));
        expect(head).toMatchObject({ status: 302, headers: { location: first.headers.location } });
        // Cached key and link, but a changed signature or link id: still the 404 page.
        const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
        expect((await answer(`/c/${tampered}`)).status).toBe(404);
        expect(
          (await answer(`/c/${t.token('click', { link: 0 }, Buffer.alloc(32, 3))}`)).status,
        ).toBe(404);
        expect((await answer(`/c/${t.token('click', { link: 9 })}`)).status).toBe(404);
        expect((await allEvents(t)).map((e) => e.kind)).toEqual([
          'click',
          'click',
          'click',
          'click',
        ]);
      });

      it('flags a click by a link scanner or within seconds of sending as machine', async () => {
        const iat = Math.floor(t.clock.now() / 1000);
        const click = (extra: object, agent: string) =>
          fetch(`${t.url}/c/${t.token('click', { link: 0, ...extra })}`, {
            redirect: 'manual',
            headers: { 'user-agent': agent },
          });
        expect((await click({ recipient: 'fast', iat }, BROWSER)).status).toBe(302);
        expect(
          (await click({ recipient: 'safelinks' }, 'Microsoft Office SafeLinks/1.0')).status,
        ).toBe(302);
        expect((await click({ recipient: 'none' }, '')).status).toBe(302);
        const verdicts = Object.fromEntries(
          (await allEvents(t)).map((e) => [e.recipient, e.machineReason]),
        );
        expect(verdicts).toEqual({
          fast: 'too-fast',
          safelinks: 'link-scanner',
          none: 'no-user-agent',
        });
      });

      it('refuses javascript: and other non-http links at registration, keeping the old table', async () => {
        for (const url of [
          'javascript:alert(1)',
          'JaVaScRiPt:alert(1)',
          'data:text/html,hi',
          'ftp://x.nl/',
          '/relative',
          'https://user:pw@x.nl/',
          'http://127.0.0.1:8787/api/account',
          'http://2130706433/',
          'http://[::1]/',
          'http://169.254.169.254/latest/meta-data',
          'http://localhost/',
          'https://admin.localhost/',
          'http://intranet/',
        ]) {
          await expect(t.client.registerLinks('m1', [{ id: 0, url }])).rejects.toMatchObject({
            code: 'invalid_input',
            status: 400,
          });
        }
        const response = await fetch(`${t.url}/c/${t.token('click', { link: 0 })}`, {
          redirect: 'manual',
        });
        expect(response.headers.get('location')).toBe('https://jouwmodezaak.nl/sale?utm=mail');
      });

      it('follows a re-registered link at once', async () => {
        await fetch(`${t.url}/c/${t.token('click', { link: 1 })}`, { redirect: 'manual' });
        await t.client.registerLinks('m1', [{ id: 1, url: 'https://jouwmodezaak.nl/nieuw' }]);
        const response = await fetch(`${t.url}/c/${t.token('click', { link: 1 })}`, {
          redirect: 'manual',
        });
        expect(response.headers.get('location')).toBe('https://jouwmodezaak.nl/nieuw');
      });
    });

    describe('web version', () => {
      it('serves the mailing’s web version under a CSP without scripts, only for web tokens', async () => {
        await t.client.putWebVersion('m1', '<h1 style="color:red">Sale!</h1>');
        const response = await fetch(`${t.url}/w/${t.token('web')}`);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe('<h1 style="color:red">Sale!</h1>');
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain('sandbox');
        expect(csp).not.toContain('script-src');
        expect((await fetch(`${t.url}/w/${t.token('open')}`)).status).toBe(404);
        expect((await fetch(`${t.url}/w/${t.token('web', { mailing: 'm2' })}`)).status).toBe(404);
      });

      it('refuses an oversized web version with 413', async () => {
        await expect(
          t.client.putWebVersion('m1', 'x'.repeat(7 * 1024 * 1024)),
        ).rejects.toMatchObject({
          code: 'too_large',
          status: 413,
        });
      });
    });

    describe('hosted images', () => {
      it('stores images by content hash and serves them with a long cache', async () => {
        const uploaded = await t.client.uploadAsset(PNG, 'image/png');
        expect(uploaded.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(uploaded.url).toBe(`http://tracker.test/a/${uploaded.hash}`);
        expect(await t.client.uploadAsset(PNG, 'image/png')).toEqual(uploaded);
        const response = await fetch(`${t.url}/a/${uploaded.hash}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('image/png');
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
        const again = await fetch(`${t.url}/a/${uploaded.hash}`, {
          headers: { 'if-none-match': `"${uploaded.hash}"` },
        });
        expect(again.status).toBe(304);
        expect((await fetch(`${t.url}/a/${'0'.repeat(64)}`)).status).toBe(404);
        expect((await fetch(`${t.url}/a/..%2f..%2fetc`)).status).toBe(404);
      });

      it('refuses what is not an image (415) and what is too large (413)', async () => {
        await expect(
          t.client.uploadAsset(Buffer.from('<html><script>'), 'image/png'),
        ).rejects.toMatchObject({
          code: 'unsupported_media_type',
          status: 415,
        });
        await expect(
          t.client.uploadAsset(Buffer.from('<svg/>'), 'image/svg+xml'),
        ).rejects.toMatchObject({
          status: 415,
        });
        const huge = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
        await expect(t.client.uploadAsset(huge, 'image/png')).rejects.toMatchObject({
          code: 'too_large',
          status: 413,
        });
      });
    });
  });
}
