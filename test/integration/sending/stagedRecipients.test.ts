import { afterEach, describe, expect, it } from 'vitest';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { StagedRecipients } from '../../../electron/services/selections/recipientsStaging';
import { emailHash } from '../../../electron/services/suppression/email';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fakeResolver, importAndAttach, recipientAddress, seedMailing } from './seed';

/**
 * A send's recipients staged in a table (send.start) are exactly those resolveRecipients finds
 * (step 3 and the checklist's cache): the same people in the same order with the same data, and
 * the same counts of who was left out, whatever the mailing's selections hold.
 */
describe('staged recipients', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function agrees(app: TestApp, mailingId: string) {
    const context = app.app.context;
    const staged = await StagedRecipients.stage(context, mailingId);
    try {
      const resolved = resolveRecipients(context, mailingId);
      expect([...staged.recipients]).toEqual(resolved.recipients);
      expect(staged.recipients.length).toBe(resolved.recipients.length);
      expect({
        duplicates: staged.skipped.duplicates.length,
        suppressed: staged.skipped.suppressed.length,
        recentlyMailed: staged.skipped.recentlyMailed.length,
        outsideSegment: staged.outsideSegment,
        fairUseHours: staged.fairUseHours,
      }).toEqual({
        duplicates: resolved.skipped.duplicates.length,
        suppressed: resolved.skipped.suppressed.length,
        recentlyMailed: resolved.skipped.recentlyMailed.length,
        outsideSegment: resolved.outsideSegment,
        fairUseHours: resolved.fairUseHours,
      });
      return staged;
    } finally {
      staged.dispose();
    }
  }

  it('agrees with resolveRecipients on duplicates, suppression, fair use and a segment', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const app = t;
    const sqlite = app.app.context.database.sqlite;
    const { mailingId } = await seedMailing(app, { smtpPort: 2525, count: 8 });
    expect((await agrees(app, mailingId)).recipients.length).toBe(8);

    // A newer selection: its contact wins over the older selection's.
    await importAndAttach(app, mailingId, [
      'email;naam;voornaam',
      'nieuw@example.nl;Nieuw;Nieuw',
      `${recipientAddress(1).toUpperCase()};Dubbel;Dubbel`,
    ]);
    app.app.context.suppression.suppress(recipientAddress(2), 'manual', 'app');
    // recipientAddress(3) was mailed an hour ago by another mailing: fair use leaves it out.
    const earlier = await app.call('mailings.create', { type: 'newsletter' });
    sqlite
      .prepare(
        `insert into sends (id, mailing_id, idempotency_key, state, created_at)
         values ('snd_earlier', ?, 'earlier', 'finished', ?)`,
      )
      .run(earlier.id, app.clock.now());
    sqlite
      .prepare(
        `insert into send_jobs (send_id, mailing_id, email, normalized_email, recipient_id,
           message_id, state, sent_at, updated_at)
         values ('snd_earlier', ?, ?, ?, 'r1', '<m1@x>', 'sent', ?, ?)`,
      )
      .run(
        earlier.id,
        recipientAddress(3),
        recipientAddress(3),
        app.clock.now() - 3_600_000,
        app.clock.now(),
      );
    const mixed = await agrees(app, mailingId);
    expect(mixed.recipients.length).toBe(7);
    expect(mixed.skipped.duplicates.length).toBe(1);
    expect(mixed.skipped.suppressed.length).toBe(1);
    expect(mixed.skipped.recentlyMailed.length).toBe(1);

    // An erased person stays suppressed by the hash of the address alone.
    sqlite
      .prepare(
        `insert into suppression (normalized_email, email_hash, reason, created_at)
         values (null, ?, 'manual', ?)`,
      )
      .run(emailHash(recipientAddress(5)), app.clock.now());
    const erased = await agrees(app, mailingId);
    expect(erased.recipients.length).toBe(6);
    expect(erased.skipped.suppressed.length).toBe(2);

    await app.call('mailings.setSegment', {
      id: mailingId,
      segment: {
        match: 'any',
        conditions: [
          { kind: 'text', column: 'naam', op: 'is', value: 'Klant 4' },
          { kind: 'text', column: 'naam', op: 'is', value: 'Dubbel' },
        ],
      },
    });
    const narrowed = await agrees(app, mailingId);
    expect(narrowed.recipients.length).toBe(2);
  });

  it('counts who was left out across the statements of a large selection', async () => {
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    const app = t;
    // Staged 2,000 contact ids per statement and counted per statement: four ranges.
    const { mailingId } = await seedMailing(app, { smtpPort: 2525, count: 7_000 });
    for (const n of [1, 1_999, 2_001, 4_500, 6_999]) {
      app.app.context.suppression.suppress(recipientAddress(n), 'manual', 'app');
    }
    const staged = await agrees(app, mailingId);
    expect(staged.recipients.length).toBe(6_995);
    expect(staged.skipped.suppressed.length).toBe(5);
  });
});
