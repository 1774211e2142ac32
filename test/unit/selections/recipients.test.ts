import { afterEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../../electron/services/core/clock';
import { resolveRecipients } from '../../../electron/services/selections/recipients';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importLines, insertMailing, insertSentJob } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('resolveRecipients', () => {
  it('merges duplicates across selections, skips suppressed and recently mailed contacts, with the lists', async () => {
    t = await startTestApp();
    const older = await importLines(
      t,
      ['email;voornaam', 'anna@example.nl;Anna-oud', 'bert@example.nl;Bert', 'cor@example.nl;Cor'],
      'Oud',
    );
    t.clock.advance(HOUR);
    const newer = await importLines(
      t,
      ['email;voornaam', 'ANNA@example.nl;Anna', 'dirk@example.nl;Dirk', 'eva@example.nl;Eva'],
      'Nieuw',
    );
    insertMailing(t, 'm1');
    insertMailing(t, 'earlier');
    await t.call('mailings.setSelections', { id: 'm1', selectionIds: [older, newer] });
    t.app.context.suppression.suppress('bert@example.nl', 'unsubscribed', 'tracker');
    insertSentJob(t, 'earlier', 'dirk@example.nl', t.clock.now() - 47 * HOUR);
    insertSentJob(t, 'earlier', 'eva@example.nl', t.clock.now() - 49 * HOUR);

    const resolved = resolveRecipients(t.app.context, 'm1');
    expect(resolved.recipients.map((r) => [r.email, r.data.voornaam])).toEqual([
      ['ANNA@example.nl', 'Anna'],
      ['eva@example.nl', 'Eva'],
      ['cor@example.nl', 'Cor'],
    ]);
    expect(resolved.recipients[0]!.normalizedEmail).toBe('anna@example.nl');
    expect(resolved.skipped.duplicates.map((s) => [s.email, s.selectionDescription])).toEqual([
      ['anna@example.nl', 'Oud'],
    ]);
    expect(resolved.skipped.suppressed.map((s) => [s.email, s.detail])).toEqual([
      ['bert@example.nl', 'unsubscribed'],
    ]);
    expect(resolved.skipped.recentlyMailed.map((s) => s.email)).toEqual(['dirk@example.nl']);

    // Fair use off, or a shorter window, lets Dirk through.
    expect(
      resolveRecipients(t.app.context, 'm1', { fairUseHours: 0 }).recipients.map((r) => r.email),
    ).toContain('dirk@example.nl');
    expect(
      resolveRecipients(t.app.context, 'm1', { fairUseHours: 24 }).skipped.recentlyMailed,
    ).toEqual([]);

    const summary = await t.call('mailings.recipients', { id: 'm1' });
    expect(summary).toMatchObject({
      fairUseHours: 48,
      recipientCount: 3,
      duplicateCount: 1,
      suppressedCount: 1,
      recentlyMailedCount: 1,
    });
    expect(summary.suppressed).toEqual([
      { email: 'bert@example.nl', selection: 'Oud', detail: 'unsubscribed' },
    ]);
  });

  it('follows the fair-use hours from the settings', async () => {
    t = await startTestApp();
    const id = await importLines(t, ['email', 'dirk@example.nl']);
    insertMailing(t, 'm1');
    insertMailing(t, 'earlier');
    await t.call('mailings.setSelections', { id: 'm1', selectionIds: [id] });
    insertSentJob(t, 'earlier', 'dirk@example.nl', t.clock.now() - 60 * HOUR);
    expect(resolveRecipients(t.app.context, 'm1').recipients).toHaveLength(1);
    await t.call('settings.update', { limits: { perSecond: 10, perHour: 5000, fairUseHours: 72 } });
    expect(resolveRecipients(t.app.context, 'm1').recipients).toHaveLength(0);
  });

  it('refuses to change the selections of a template or a mailing that is no longer a draft', async () => {
    t = await startTestApp();
    const id = await importLines(t, ['email', 'a@example.nl']);
    insertMailing(t, 'sent', 'sent');
    insertMailing(t, 'tpl', 'draft', 'basis-nieuwsbrief');
    for (const [mailing, key] of [
      ['sent', 'selections:errors.mailingLocked'],
      ['tpl', 'selections:errors.template'],
      ['missing', 'selections:errors.noMailing'],
    ]) {
      const envelope = await t.app.handlers['mailings.setSelections']({
        id: mailing,
        selectionIds: [id],
      });
      expect(envelope).toMatchObject({ ok: false, error: { key } });
    }
  });
});
