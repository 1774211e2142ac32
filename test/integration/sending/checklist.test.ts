import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';
import { fakeResolver, importAndAttach, linkTracker, seedMailing } from './seed';

describe('checklist.get', () => {
  let t: TestApp | undefined;
  let tracker: RunningTracker | undefined;
  afterEach(async () => {
    await t?.close();
    await tracker?.close();
    t = tracker = undefined;
  });

  const statusOf = async (mailingId: string) => {
    const checklist = await t!.call('checklist.get', { mailingId });
    return {
      checklist,
      byId: Object.fromEntries(checklist.items.map((i) => [i.id, i])),
    };
  };

  it('names every problem with its fix, and only failures block sending', async () => {
    tracker = await startTracker({ credits: 3 });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 5 });

    // Not linked: sending needs an account.
    let { checklist, byId } = await statusOf(mailingId);
    expect(byId.account).toMatchObject({ status: 'fail', fix: '#/account' });
    expect(checklist.accountLinked).toBe(false);

    await linkTracker(t, tracker);
    ({ checklist, byId } = await statusOf(mailingId));
    expect(byId.credits).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.credits.short',
      params: { needed: 5, available: 3, perMail: 1 },
    });
    expect(byId.recipients).toMatchObject({ status: 'ok', params: { count: 5 } });
    expect(byId.spf!.status).toBe('ok');
    expect(byId.dkim).toMatchObject({ status: 'warn', key: 'sending:dns.dkim.noKey' });
    expect(checklist.canSend).toBe(false);

    // An unknown variable fails; an empty value only warns, with the count per variable.
    await t.call('mailings.update', {
      id: mailingId,
      patch: { topLine: 'Hallo [[voornaam]], kleur [[lievelingskleur]]' },
    });
    await importAndAttach(t, mailingId, [
      'email;naam;voornaam',
      'leeg@example.nl;Zonder Voornaam;',
    ]);
    ({ byId } = await statusOf(mailingId));
    expect(byId.variables).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.variables.unknown',
      fix: `#/mailings/${mailingId}/inhoud`,
    });
    expect(String(byId.variables!.params!.names)).toContain('lievelingskleur');
    expect(byId.emptyValues).toMatchObject({ status: 'warn', params: { list: '[[voornaam]]: 1' } });
    // The change came after the last test mail.
    expect(byId.test).toMatchObject({ status: 'fail', key: 'sending:checklist.test.outdated' });

    // Two months later the selections are too old to use.
    t.clock.advance(62 * 24 * 60 * 60 * 1000);
    ({ byId } = await statusOf(mailingId));
    expect(byId.selections).toMatchObject({
      status: 'fail',
      key: 'sending:checklist.selections.tooOld',
      fix: `#/mailings/${mailingId}/selecties`,
    });
  });
});
