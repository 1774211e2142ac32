import Database from 'better-sqlite3';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../db/backups';
import { createApp, type App } from '../../../electron/app';
import { unwrap, type Envelope } from '../../../electron/contract';
import { ManualClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import type { DesktopShell } from '../../../electron/services/desktop/shell';
import { tempDir } from '../../helpers/tempDir';

// The whole restore path on real SQLite files: choose a backup, restart, find the old data back.
describe('restore from a daily backup', () => {
  const dir = tempDir('winkelpost-restore-');
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  let app: App | null = null;
  afterEach(async () => {
    await app?.close();
    app = null;
  });

  const open = async (desktop?: DesktopShell) =>
    (app = await createApp({
      dataDir: dir.path,
      clock,
      logger: silentLogger,
      cipher: aesSecretCipher(Buffer.alloc(32, 1)),
      ...(desktop ? { desktop } : {}),
    }));
  const call = (name: string, input: unknown) =>
    (app!.handlers as Record<string, (i: unknown) => Promise<Envelope<unknown>>>)[name]!(input);
  // Backups are dated by their file time; the test's clock is not the wall clock, so set it.
  const backupNow = async () => {
    const file = await backupIfDue(
      app!.context.database.sqlite,
      join(dir.path, 'backups'),
      clock.now(),
    );
    expect(file).not.toBeNull();
    utimesSync(file!, clock.now() / 1000, clock.now() / 1000);
    return file!.slice(join(dir.path, 'backups').length + 1);
  };
  const suppress = (sqlite: Database.Database, email: string) =>
    sqlite
      .prepare(
        `INSERT INTO suppression (normalized_email, email_hash, reason, created_at) VALUES (?, ?, 'unsubscribed', ?)`,
      )
      .run(email, `hash-${email}`, clock.now());

  it('puts the backup back at the next start, keeps the replaced database and newer unsubscribes', async () => {
    let restarts = 0;
    const shell: DesktopShell = {
      prefs: () => ({ startAtLoginSupported: true, startAtLogin: false, notifyWhenSent: true }),
      updatePrefs: () => ({
        startAtLoginSupported: true,
        startAtLogin: false,
        notifyWhenSent: true,
      }),
      restartSoon: () => (restarts += 1),
    };
    await open(shell);
    const backups = join(dir.path, 'backups');
    app!.context.kv.set('test.marker', 'from the backup');
    // createApp made today's backup already (before the marker); the next day's has it.
    clock.advance(24 * 60 * 60 * 1000);
    const id = await backupNow();

    clock.advance(60 * 60 * 1000);
    app!.context.kv.set('test.marker', 'written after the backup');
    suppress(app!.context.database.sqlite, 'weg@voorbeeld.nl');

    const list = unwrap(await call('desktop.backups.list', {})) as {
      backups: { id: string; kind: string }[];
    };
    expect(list.backups.map((b) => b.id)).toContain(id);

    const answer = unwrap(await call('desktop.backups.restore', { id }));
    expect(answer).toEqual({ restart: 'automatic' });
    expect(restarts).toBe(1);
    const pending = unwrap(await call('desktop.backups.list', {})) as { pendingRestore: string };
    expect(pending.pendingRestore).toBe(id);

    await app!.close();
    app = null;
    await open();
    expect(app!.context.kv.get('test.marker')).toBe('from the backup');
    // The unsubscribe that arrived after the backup was carried over.
    const kept = app!.context.database.sqlite
      .prepare(`SELECT count(*) AS n FROM suppression WHERE normalized_email = ?`)
      .get('weg@voorbeeld.nl') as { n: number };
    expect(kept.n).toBe(1);
    // The replaced database is kept as a backup of its own, with the newer marker inside.
    const after = unwrap(await call('desktop.backups.list', {})) as {
      backups: { id: string; kind: string }[];
      pendingRestore: string | null;
    };
    expect(after.pendingRestore).toBeNull();
    const safety = after.backups.find((b) => b.kind === 'beforeRestore');
    expect(safety).toBeDefined();
    const copy = new Database(join(backups, safety!.id), { readonly: true });
    const row = copy.prepare(`SELECT value FROM settings WHERE key = 'test.marker'`).get() as {
      value: string;
    };
    copy.close();
    expect(JSON.parse(row.value)).toBe('written after the backup');
  });

  it('refuses while a send runs and after mail went out since the backup', async () => {
    await open();
    clock.advance(24 * 60 * 60 * 1000);
    const id = await backupNow();
    const sqlite = app!.context.database.sqlite;
    const mailing = sqlite.prepare(`SELECT id FROM mailings LIMIT 1`).get() as
      { id: string } | undefined;
    expect(mailing).toBeDefined();
    clock.advance(60 * 1000);
    sqlite
      .prepare(
        `INSERT INTO sends (id, mailing_id, idempotency_key, state, created_at) VALUES ('s1', ?, 'k1', 'running', ?)`,
      )
      .run(mailing!.id, clock.now());

    const during = await call('desktop.backups.restore', { id });
    expect(during).toMatchObject({ ok: false, error: { key: 'desktop:errors.restoreDuringSend' } });

    sqlite.prepare(`UPDATE sends SET state = 'finished'`).run();
    const afterSend = await call('desktop.backups.restore', { id });
    expect(afterSend).toMatchObject({
      ok: false,
      error: { key: 'desktop:errors.restoreAfterSend' },
    });
    expect(existsSync(join(dir.path, 'restore-pending.json'))).toBe(false);
  });

  it('refuses a damaged backup and names that are not backups', async () => {
    await open();
    const backups = join(dir.path, 'backups');
    writeFileSync(join(backups, 'winkelpost-2020-01-01.sqlite'), 'this is not sqlite');
    const damaged = await call('desktop.backups.restore', { id: 'winkelpost-2020-01-01.sqlite' });
    expect(damaged).toMatchObject({ ok: false, error: { key: 'desktop:errors.backupDamaged' } });
    const escape = await call('desktop.backups.restore', { id: '../winkelpost.sqlite' });
    expect(escape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const browser = await call('desktop.prefs.get', {});
    expect(browser).toMatchObject({ ok: true, value: { available: false } });
  });

  it('cleans up', () => {
    dir.remove();
    expect(existsSync(dir.path)).toBe(false);
  });
});
