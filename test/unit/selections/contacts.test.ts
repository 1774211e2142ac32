import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../electron/services/core/clock';
import { emailHash } from '../../../electron/services/suppression/email';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importLines, insertMailing, insertSentJob } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

async function setUpPerson(): Promise<{ first: string; second: string }> {
  const first = await importLines(
    t,
    ['email;voornaam', 'Els@example.nl;Els', 'bob@example.nl;Bob'],
    'Voorjaar',
  );
  t.clock.advance(HOUR);
  const second = await importLines(t, ['email;plaats', 'els@example.nl;Ede'], 'Zomer');
  insertMailing(t, 'm1');
  const recipientId = insertSentJob(t, 'm1', 'els@example.nl', t.clock.now() - HOUR);
  const sqlite = t.app.context.database.sqlite;
  sqlite
    .prepare(
      `insert into events (id, mailing_id, recipient_id, kind, at) values ('e1', 'm1', ?, 'open', ?)`,
    )
    .run(recipientId, t.clock.now());
  t.app.context.suppression.suppress('els@example.nl', 'unsubscribed', 'tracker', 'via link');
  return { first, second };
}

describe('contacts.export', () => {
  it('gives everything held about one address', async () => {
    t = await startTestApp();
    const { first, second } = await setUpPerson();
    const exported = await t.call('contacts.export', { email: 'ELS@example.nl' });
    expect(exported.email).toBe('els@example.nl');
    expect(exported.selections.map((s) => [s.selectionId, s.description, s.data])).toEqual([
      [first, 'Voorjaar', { voornaam: 'Els' }],
      [second, 'Zomer', { plaats: 'Ede' }],
    ]);
    expect(exported.suppression).toMatchObject({ reason: 'unsubscribed', email: 'els@example.nl' });
    expect(exported.sendJobs).toEqual([
      {
        mailingId: 'm1',
        subject: 'Mailing m1',
        state: 'sent',
        sentAt: t.clock.now() - HOUR,
        data: {},
      },
    ]);
    expect(exported.events).toEqual([{ mailingId: 'm1', kind: 'open', at: t.clock.now() }]);
  });
});

describe('contacts.erase', () => {
  it('removes the person everywhere, keeps only the hash in the suppression list, and a re-import is never mailed', async () => {
    t = await startTestApp();
    const { first } = await setUpPerson();
    const refused = await t.app.handlers['contacts.erase']({ email: 'els@example.nl' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const result = await t.call('contacts.erase', { email: 'els@example.nl', confirm: true });
    expect(result).toEqual({
      contactsRemoved: 2,
      sendJobsAnonymised: 1,
      eventsAnonymised: 1,
      bouncesAnonymised: 0,
      blockedByHash: true,
    });
    const sqlite = t.app.context.database.sqlite;
    const everything = JSON.stringify([
      sqlite.prepare('select * from contacts').all(),
      sqlite.prepare('select * from send_jobs').all(),
      sqlite.prepare('select * from events').all(),
      sqlite.prepare('select * from suppression').all(),
      sqlite.prepare('select * from resubscribe_requests').all(),
    ]).toLowerCase();
    expect(everything).not.toContain('els@example.nl');
    expect(everything).toContain(emailHash('els@example.nl'));
    const selection = await t.call('selections.get', { id: first });
    expect(selection.count).toBe(1);

    const exported = await t.call('contacts.export', { email: 'els@example.nl' });
    expect(exported.selections).toEqual([]);
    expect(exported.sendJobs).toEqual([]);
    expect(exported.suppression).toMatchObject({ email: null, reason: 'unsubscribed' });

    // Comes back in a new export from the till: still never mailed.
    const again = await importLines(t, ['email', 'els@example.nl'], 'Herfst');
    insertMailing(t, 'm2');
    await t.call('mailings.setSelections', { id: 'm2', selectionIds: [again] });
    const resolved = resolveRecipients(t.app.context, 'm2');
    expect(resolved.recipients).toEqual([]);
    expect(resolved.skipped.suppressed.map((s) => s.email)).toEqual(['els@example.nl']);
    const status = await t.call('suppression.status', { email: 'els@example.nl' });
    expect(status.suppression).toMatchObject({ email: null });
  });

  it('can erase without keeping a block for someone who was never suppressed', async () => {
    t = await startTestApp();
    await importLines(t, ['email', 'bob@example.nl']);
    const result = await t.call('contacts.erase', {
      email: 'bob@example.nl',
      confirm: true,
      keepBlocked: false,
    });
    expect(result).toMatchObject({ contactsRemoved: 1, blockedByHash: false });
    expect(t.app.context.suppression.isSuppressed('bob@example.nl')).toBe(false);
  });
});
