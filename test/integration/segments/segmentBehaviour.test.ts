import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { addJob, addMailing, addSend } from '../../unit/db/migrations/rows';
import { SHOP_EXPORT, importSelection, mailingWith, recipientsWith } from './segmentFixture';

/**
 * Behaviour conditions read the per-person statistics as the sync stores them: `opened_at` is
 * the first open or click by a person; a machine open (privacy proxy) only sets `machine_at`.
 */
describe('segment conditions on behaviour in an earlier mailing', () => {
  let t: TestApp;
  let mailingId: string;
  beforeEach(async () => {
    t = await startTestApp();
    const { selectionId } = await importSelection(t, SHOP_EXPORT);
    mailingId = await mailingWith(t, [selectionId]);
    const sqlite = t.app.context.database.sqlite;
    addMailing(sqlite, 'eerder', 'Voorjaarsactie');
    addSend(sqlite, 'send-eerder', 'eerder');
    // Everyone but Eva received it; Dien's mail bounced.
    for (const name of ['anna', 'bram', 'cor', 'dien']) {
      addJob(sqlite, {
        sendId: 'send-eerder',
        mailingId: 'eerder',
        email: `${name}@example.nl`,
        state: name === 'dien' ? 'bounced_hard' : 'sent',
      });
    }
    const stats = sqlite.prepare(
      `insert into stats_recipients (mailing_id, recipient_id, opens, machine_opens, clicks,
        opened_at, machine_at) values ('eerder', ?, ?, ?, ?, ?, ?)`,
    );
    stats.run('r-anna@example.nl', 2, 0, 1, 1000, null); // opened and clicked
    stats.run('r-bram@example.nl', 0, 3, 0, null, 1000); // only machine opens
  });
  afterEach(async () => {
    await t.close();
  });

  const behaviour = (op: 'opened' | 'clicked' | 'notOpened') =>
    recipientsWith(t, mailingId, {
      match: 'all',
      conditions: [{ kind: 'behaviour', op, mailingId: 'eerder' }],
    });

  it('counts people who opened or clicked, never machine opens', async () => {
    expect(await behaviour('opened')).toEqual(['anna@example.nl']);
    expect(await behaviour('clicked')).toEqual(['anna@example.nl']);
  });

  it('takes "did not open" as received without a human open, machine opens included', async () => {
    expect(await behaviour('notOpened')).toEqual(['bram@example.nl', 'cor@example.nl']);
  });

  it('offers the earlier sent mailing for behaviour conditions', async () => {
    const { sentMailings } = await t.call('mailings.segment', { id: mailingId });
    expect(sentMailings.map((m) => m.subject)).toEqual(['Voorjaarsactie']);
  });

  it('shows a new open at the next summary (the cache notices the statistics)', async () => {
    expect(await behaviour('opened')).toEqual(['anna@example.nl']);
    t.app.context.database.sqlite
      .prepare(
        "update stats_recipients set opens = 1, opened_at = 2000 where recipient_id = 'r-bram@example.nl'",
      )
      .run();
    const summary = await t.call('mailings.recipients', { id: mailingId });
    expect(summary.recipients.map((r) => r.email).sort()).toEqual([
      'anna@example.nl',
      'bram@example.nl',
    ]);
  });
});
