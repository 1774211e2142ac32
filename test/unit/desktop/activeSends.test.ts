import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desktopStoreOf } from '../../../electron/services/desktop/desktopStore';

const activeSends = (sqlite: Parameters<typeof desktopStoreOf>[0]) =>
  desktopStoreOf(sqlite).activeSends();
import { startTestApp, type TestApp } from '../../helpers/testApp';

describe('activeSends', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('counts running and scheduled sends on a real database', () => {
    const sqlite = t.app.context.database.sqlite;
    expect(activeSends(sqlite)).toEqual({
      running: 0,
      scheduled: 0,
      nextScheduledAt: null,
      automations: 0,
    });
    const mailing = (sqlite.prepare('SELECT id FROM mailings LIMIT 1').get() as { id: string }).id;
    const insert = sqlite.prepare(
      `INSERT INTO sends (id, mailing_id, idempotency_key, state, scheduled_at, created_at)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    insert.run('a', mailing, 'ka', 'running', null);
    insert.run('b', mailing, 'kb', 'scheduled', 5000);
    insert.run('c', mailing, 'kc', 'scheduled', 3000);
    insert.run('d', mailing, 'kd', 'finished', null);
    expect(activeSends(sqlite)).toEqual({
      running: 1,
      scheduled: 2,
      nextScheduledAt: 3000,
      automations: 0,
    });
    const automation = sqlite.prepare(
      `INSERT INTO automations (id, kind, name, mailing_id, settings, status, created_at, updated_at)
       VALUES (?, 'tillVoucher', 'Kassa', ?, '{}', ?, 1, 1)`,
    );
    automation.run('x', mailing, 'active');
    automation.run('y', mailing, 'paused');
    expect(activeSends(sqlite).automations).toBe(1);
  });
});
