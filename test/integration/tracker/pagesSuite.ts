import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreFactory } from './helpers/storeFactories';
import { startTestTracker, type TestTracker } from './helpers/testTracker';

const FORM = 'application/x-www-form-urlencoded';

function oneClick(t: TestTracker, token: string, init: RequestInit = {}) {
  return fetch(`${t.url}/u/${token}`, {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
    ...init,
  });
}

function expectSafePage(response: Response, page: string) {
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(page).not.toMatch(/<script|javascript:|\son\w+=/i);
  // The shop's name is "Jouw <Modezaak> & Zn": shown, but only as text.
  expect(page).toContain('Jouw &lt;Modezaak&gt; &amp; Zn');
  expect(page).not.toContain('<Modezaak>');
}

/** The unsubscribe page, RFC 8058 one-click and the re-subscription confirmation. */
export function definePagesSuite(name: string, factory: StoreFactory): void {
  describe(`${name}: unsubscribe and confirm pages`, () => {
    let t: TestTracker;
    beforeEach(async () => {
      t = await startTestTracker(factory);
    });
    afterEach(async () => t.close());

    it('shows one button with the shop’s name, in Dutch by default and English when asked', async () => {
      const dutch = await fetch(`${t.url}/u/${t.token('unsubscribe')}`);
      const page = await dutch.text();
      expect(dutch.status).toBe(200);
      expectSafePage(dutch, page);
      expect(page).toContain('<html lang="nl">');
      expect(page).toContain('Wilt u geen e-mails meer ontvangen van');
      expect(page.match(/<button/g)).toHaveLength(1);
      expect(page).toContain('<form method="post">');
      const english = await fetch(`${t.url}/u/${t.token('unsubscribe')}`, {
        headers: { 'accept-language': 'de-DE,en-GB;q=0.8,nl;q=0.5' },
      });
      expect(await english.text()).toContain('Do you no longer want to receive e-mails from');
      // Showing the page changes nothing.
      expect(await t.client.suppressions()).toEqual({ suppressions: [] });
    });

    it('unsubscribes at once on the RFC 8058 one-click POST, and a replay changes nothing', async () => {
      const token = t.token('unsubscribe', { recipient: 'r42', mailing: 'm9' });
      const first = await oneClick(t, token);
      const page = await first.text();
      expect(first.status).toBe(200);
      expectSafePage(first, page);
      expect(page).toContain('U bent afgemeld');
      const replay = await oneClick(t, token);
      expect(replay.status).toBe(200);
      expect(await replay.text()).toContain('U bent afgemeld');
      const { suppressions } = await t.client.suppressions();
      expect(suppressions).toMatchObject([{ recipient: 'r42', mailing: 'm9' }]);
      const { events } = await t.client.eventsAfter(null, 100);
      expect(events.map((e) => [e.kind, e.recipient, e.machine])).toEqual([
        ['unsubscribe', 'r42', false],
      ]);
    });

    it('accepts the page’s own form post and a multipart one-click body', async () => {
      const multipart = new FormData();
      multipart.set('List-Unsubscribe', 'One-Click');
      const viaMultipart = await fetch(`${t.url}/u/${t.token('unsubscribe', { recipient: 'a' })}`, {
        method: 'POST',
        body: multipart,
        headers: { 'accept-language': 'en' },
      });
      expect(viaMultipart.status).toBe(200);
      expect(await viaMultipart.text()).toContain('You have been unsubscribed');
      const viaForm = await oneClick(t, t.token('unsubscribe', { recipient: 'b' }));
      expect(viaForm.status).toBe(200);
      const recipients = (await t.client.suppressions()).suppressions
        .map((s) => s.recipient)
        .sort();
      expect(recipients).toEqual(['a', 'b']);
    });

    it('refuses oversized bodies (413), other token kinds and tampered tokens (404), recording nothing', async () => {
      const big = await oneClick(t, t.token('unsubscribe'), {
        body: `List-Unsubscribe=One-Click&pad=${'x'.repeat(10_000)}`,
      });
      expect(big.status).toBe(413);
      expect(big.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect((await oneClick(t, t.token('open'))).status).toBe(404);
      expect((await oneClick(t, t.token('click', { link: 0 }))).status).toBe(404);
      const token = t.token('unsubscribe');
      expect((await oneClick(t, token.slice(0, -4))).status).toBe(404);
      expect((await fetch(`${t.url}/u/${t.token('confirm')}`)).status).toBe(404);
      expect((await t.client.suppressions()).suppressions).toEqual([]);
      expect((await t.client.eventsAfter(null, 10)).events).toEqual([]);
    });

    it('never confirms on GET or HEAD, whoever fetches the link and however late', async () => {
      await oneClick(t, t.token('unsubscribe', { recipient: 'r5' }));
      const link = `${t.url}/confirm/${t.token('confirm', { recipient: 'r5' })}`;
      t.clock.advance(60_000);
      const head = await fetch(link, { method: 'HEAD' });
      expect(head.status).toBe(200);
      for (const agent of [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15',
        'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
      ]) {
        const response = await fetch(link, { headers: { 'user-agent': agent } });
        const page = await response.text();
        expect(response.status).toBe(200);
        expectSafePage(response, page);
        expect(page).toContain('Wilt u weer e-mails ontvangen van');
        expect(page.match(/<button/g)).toHaveLength(1);
        expect(page).toContain('<form method="post">');
      }
      expect((await t.client.suppressions()).suppressions.map((s) => s.recipient)).toEqual(['r5']);
      expect((await t.client.eventsAfter(null, 10)).events.map((e) => e.kind)).toEqual([
        'unsubscribe',
      ]);
    });

    it('confirms on the button’s POST once, and then says it was already confirmed', async () => {
      await oneClick(t, t.token('unsubscribe', { recipient: 'r5' }));
      const link = `${t.url}/confirm/${t.token('confirm', { recipient: 'r5' })}`;
      const post = () =>
        fetch(link, {
          method: 'POST',
          headers: { 'content-type': FORM },
          body: '',
          redirect: 'manual',
        });
      const first = await post();
      const page = await first.text();
      expect(first.status).toBe(200);
      expectSafePage(first, page);
      expect(page).toContain('U bent weer ingeschreven');
      expect((await t.client.suppressions()).suppressions).toEqual([]);
      const again = await (await post()).text();
      expect(again).toContain('U had uw inschrijving bij');
      const english = await fetch(link, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(await english.text()).toContain('You had already confirmed your subscription');
      const { events } = await t.client.eventsAfter(null, 10);
      expect(events.map((e) => [e.kind, e.recipient, e.machine])).toEqual([
        ['unsubscribe', 'r5', false],
        ['confirm', 'r5', false],
      ]);
    });

    it('says a confirmation link is invalid when it is tampered with or of another kind', async () => {
      const token = t.token('confirm', { recipient: 'r6' });
      for (const path of [
        `/confirm/${t.token('unsubscribe', { recipient: 'r6' })}`,
        `/confirm/${token}=`,
        `/confirm/${token.slice(0, -2)}`,
      ]) {
        for (const method of ['GET', 'POST']) {
          const response = await fetch(`${t.url}${path}`, { method });
          expect({ path, method, status: response.status }).toEqual({ path, method, status: 404 });
          expect(await response.text()).toContain('Deze link klopt niet (meer)');
        }
      }
      expect((await t.client.eventsAfter(null, 10)).events).toEqual([]);
    });
  });
}
