import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../electron/services/core/clock';
import { addMonths } from '../../../electron/services/selections/ages';
import { removeExpiredSelections } from '../../../electron/services/selections/retention';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { importLines, insertMailing } from './helpers';

let t: TestApp;
afterEach(async () => {
  await t?.close();
});

describe('calendar months', () => {
  it('keeps the day of the month and clamps to the last day', () => {
    expect(addMonths(Date.UTC(2026, 0, 31, 9), 1)).toBe(Date.UTC(2026, 1, 28, 9));
    expect(addMonths(Date.UTC(2026, 11, 15), 2)).toBe(Date.UTC(2027, 1, 15));
    expect(addMonths(Date.UTC(2026, 4, 31), -3)).toBe(Date.UTC(2026, 1, 28));
  });
});

describe('the two-month and three-month rules', () => {
  it('lists selections with date, description and count; older than two months they can no longer be chosen', async () => {
    t = await startTestApp();
    const created = t.clock.now();
    const id = await importLines(t, ['email', 'a@example.nl', 'b@example.nl'], 'Najaar');
    insertMailing(t, 'm1');
    expect(await t.call('selections.list', {})).toEqual([
      {
        id,
        createdAt: created,
        description: 'Najaar',
        fileName: 'Najaar.csv',
        count: 2,
        // Only the e-mail column: no column to narrow a segment by.
        columns: [],
        usable: true,
        usableUntil: addMonths(created, 2),
        removedAt: addMonths(created, 3),
      },
    ]);
    t.clock.set(addMonths(created, 2) - 1);
    const summary = await t.call('mailings.setSelections', { id: 'm1', selectionIds: [id] });
    expect(summary.recipientCount).toBe(2);

    t.clock.set(addMonths(created, 2));
    expect((await t.call('selections.list', {}))[0]!.usable).toBe(false);
    const envelope = await t.app.handlers['mailings.setSelections']({
      id: 'm1',
      selectionIds: [id],
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { key: 'selections:errors.tooOld', params: { description: 'Najaar' } },
    });
    // The earlier choice stays until it is changed.
    expect((await t.call('mailings.recipients', { id: 'm1' })).selectionIds).toEqual([id]);
  });

  it('removes selections older than three months with their contacts and mailing links', async () => {
    t = await startTestApp();
    const created = t.clock.now();
    const old = await importLines(t, ['email', 'oud@example.nl'], 'Oud');
    t.clock.advance(40 * DAY);
    const recent = await importLines(t, ['email', 'nieuw@example.nl'], 'Nieuw');
    insertMailing(t, 'm1');
    await t.call('mailings.setSelections', { id: 'm1', selectionIds: [old, recent] });

    t.clock.set(addMonths(created, 3) - 1);
    expect(removeExpiredSelections(t.app.context)).toBe(0);
    t.clock.set(addMonths(created, 3));
    expect(removeExpiredSelections(t.app.context)).toBe(1);
    expect((await t.call('selections.list', {})).map((s) => s.id)).toEqual([recent]);
    const sqlite = t.app.context.database.sqlite;
    expect(sqlite.prepare('select email from contacts').all()).toEqual([
      { email: 'nieuw@example.nl' },
    ]);
    expect(sqlite.prepare('select selection_id as id from mailing_selections').all()).toEqual([
      { id: recent },
    ]);
    const gone = await t.app.handlers['selections.get']({ id: old });
    expect(gone).toMatchObject({ ok: false, error: { key: 'selections:errors.notFound' } });
  });

  it('runs the removal when the app starts', async () => {
    t = await startTestApp();
    await importLines(t, ['email', 'oud@example.nl'], 'Oud');
    const dataDir = t.dataDir;
    const clock = t.clock;
    await t.app.close();
    clock.advance(100 * DAY);
    const { createApp } = await import('../../../electron/app');
    const { silentLogger } = await import('../../../electron/services/core/logger');
    const { aesSecretCipher } = await import('../../../electron/services/core/secrets');
    const reopened = await createApp({
      dataDir,
      clock,
      logger: silentLogger,
      cipher: aesSecretCipher(Buffer.alloc(32, 1)),
    });
    const count = reopened.context.database.sqlite
      .prepare('select count(*) as n from contacts')
      .get() as { n: number };
    expect(count.n).toBe(0);
    await reopened.close();
    t = { ...t, close: async () => rmSync(dataDir, { recursive: true, force: true }) };
  });
});
