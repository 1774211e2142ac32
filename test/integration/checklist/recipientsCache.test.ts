import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../electron/services/core/clock';
import {
  RECIPIENTS_MAX_AGE_MS,
  RecipientsCache,
} from '../../../electron/services/recipients/recipientsCache';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { seedSend } from '../bounces/seed';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from '../sending/seed';

/**
 * The checklist never shows a stale count (it stages its recipients afresh on every call); the
 * cache step 3 keeps per mailing resolves again exactly when something changed.
 */
describe('checklist.get and the recipients cache', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function setup(count = 5) {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count });
    const recipients = async () => {
      const checklist = await t!.call('checklist.get', { mailingId });
      const item = checklist.items.find((i) => i.id === 'recipients')!;
      return { count: checklist.recipients, params: item.params };
    };
    return { t, mailingId, recipients };
  }

  it('shows a change to the suppression list at the next call', async () => {
    const { t, recipients } = await setup();
    expect((await recipients()).count).toBe(5);
    t.app.context.suppression.suppress(recipientAddress(0), 'unsubscribed', 'tracker');
    expect(await recipients()).toMatchObject({ count: 4, params: { suppressed: 1 } });
    t.app.context.suppression.lift(recipientAddress(0));
    expect((await recipients()).count).toBe(5);
  });

  it('shows a change to the selections at the next call, imports included', async () => {
    const { t, mailingId, recipients } = await setup();
    expect((await recipients()).count).toBe(5);
    const imported = await importAndAttach(t, mailingId, [
      'email;naam',
      'nieuw@example.nl;Nieuw',
      `${recipientAddress(1)};Dubbel`,
    ]);
    expect(await recipients()).toMatchObject({ count: 6, params: { duplicates: 1 } });
    await t.call('mailings.setSelections', { id: mailingId, selectionIds: [imported.selectionId] });
    expect((await recipients()).count).toBe(2);
  });

  it('counts a recently mailed contact again the moment the fair-use window has passed', async () => {
    const { t, recipients } = await setup();
    const windowMs = 48 * HOUR;
    const secondsLeft = 30;
    seedSend(t.app.context.database.sqlite, {
      mailingId: 'earlier',
      sendId: 'earlier-send',
      subject: 'Vorige week',
      state: 'finished',
      at: t.clock.now() - windowMs + secondsLeft * 1000,
      jobs: [{ id: 9001, email: recipientAddress(2), messageId: '<earlier@x>' }],
    });
    expect(await recipients()).toMatchObject({ count: 4, params: { recentlyMailed: 1 } });
    // Well within the cache's age limit: only the window boundary can make this change.
    expect(secondsLeft * 1000).toBeLessThan(RECIPIENTS_MAX_AGE_MS);
    t.clock.advance((secondsLeft - 1) * 1000);
    expect((await recipients()).count).toBe(4);
    t.clock.advance(1000);
    expect(await recipients()).toMatchObject({ count: 5, params: { recentlyMailed: 0 } });
  });

  it('resolves again only when something changed, or after its age limit', async () => {
    const { t, mailingId } = await setup();
    const context = t.app.context;
    let resolved = 0;
    const cache = new RecipientsCache(context, (id) => {
      resolved += 1;
      return resolveRecipients(context, id);
    });
    expect(cache.get(mailingId).recipients).toHaveLength(5);
    expect(cache.get(mailingId).recipients).toHaveLength(5);
    expect(resolved).toBe(1);

    context.suppression.suppress(recipientAddress(3), 'manual', 'app');
    expect(cache.get(mailingId).recipients).toHaveLength(4);
    expect(resolved).toBe(2);

    await t.call('settings.update', {
      limits: { perSecond: 500, perHour: 1_000_000, fairUseHours: 24 },
    });
    expect(cache.get(mailingId).fairUseHours).toBe(24);
    expect(resolved).toBe(3);

    t.clock.advance(RECIPIENTS_MAX_AGE_MS - 1);
    cache.get(mailingId);
    expect(resolved).toBe(3);
    t.clock.advance(1);
    cache.get(mailingId);
    expect(resolved).toBe(4);
  });
});
