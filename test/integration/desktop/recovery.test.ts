import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseDamagedError } from '../../../db/openDatabase';
import { createApp, type CreateAppOptions } from '../../../electron/app';
import { ManualClock } from '../../../electron/services/core/clock';
import { silentLogger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';
import { recoveryBackup, scheduleRestore } from '../../../electron/services/desktop/backupRestore';
import { tempDir } from '../../helpers/tempDir';

// What the desktop app offers when its database is damaged at start: the newest whole backup.
describe('recovery from a damaged database', () => {
  const dir = tempDir('winkelpost-recovery-');
  afterAll(() => dir.remove());
  const options = (): CreateAppOptions => ({
    dataDir: dir.path,
    clock: new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0)),
    logger: silentLogger,
    cipher: aesSecretCipher(Buffer.alloc(32, 1)),
  });

  it('finds the newest usable backup, skips damaged ones, and restores it at the next start', async () => {
    const first = await createApp(options());
    first.context.kv.set('test.marker', 'before the damage');
    await first.close();
    // createApp made today's backup before the marker was written; make it contain the marker.
    const backups = join(dir.path, 'backups');
    const [daily] = readdirSync(backups);
    const again = await createApp(options());
    again.context.kv.set('test.marker', 'before the damage');
    await again.context.database.sqlite.backup(join(backups, daily!));
    await again.close();
    writeFileSync(join(backups, 'winkelpost-2026-10-01.sqlite'), 'damaged too');

    writeFileSync(join(dir.path, 'winkelpost.sqlite'), 'SQLite format 3\0 garbage '.repeat(200));
    await expect(createApp(options())).rejects.toBeInstanceOf(DatabaseDamagedError);

    const backup = recoveryBackup(dir.path);
    expect(backup?.id).toBe(daily);
    scheduleRestore(dir.path, backup!.id, Date.now());
    const restored = await createApp(options());
    expect(restored.context.kv.get('test.marker')).toBe('before the damage');
    await restored.close();
    // The damaged file was kept, not thrown away.
    expect(readdirSync(backups).some((f) => f.startsWith('winkelpost-before-restore-'))).toBe(true);
  });

  it('says so when no backup is usable', () => {
    const empty = tempDir('winkelpost-recovery-empty-');
    expect(recoveryBackup(empty.path)).toBeNull();
    empty.remove();
    expect(existsSync(empty.path)).toBe(false);
  });
});
