import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../db/backups';
import { DAY, ManualClock } from '../../../electron/services/core/clock';
import { tempDir } from '../../helpers/tempDir';
import { openTestApp, type TestApp } from '../../helpers/testApp';

/** Every folder and file under root with its permission bits, relative to root. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(root).mode & 0o777).toString(8) };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      found[path.slice(root.length + 1)] = (stat.mode & 0o777).toString(8);
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(root);
  return found;
}

const onlyOwner = (found: Record<string, string>) =>
  Object.entries(found).filter(([, mode]) => mode !== '700' && mode !== '600');

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  let t: TestApp | undefined;
  const dir = tempDir('winkelpost-modes-');
  afterEach(async () => {
    await t?.close();
    dir.remove();
  });

  it('is made 0700 with files 0600, and an older open folder is closed on start', async () => {
    // As an earlier version left it: everything readable by every user on the machine.
    const dataDir = join(dir.path, 'data');
    mkdirSync(join(dataDir, 'backups'), { recursive: true, mode: 0o755 });
    mkdirSync(join(dataDir, 'outbox'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'outbox', 'oud.eml'), 'To: els@example.nl\r\n\r\nHoi', {
      mode: 0o644,
    });
    writeFileSync(join(dataDir, 'secret.key'), 'AAAA', { mode: 0o644 });
    chmodSync(dataDir, 0o755);

    const clock = new ManualClock(Date.UTC(2026, 10, 2, 9));
    t = await openTestApp(dataDir, clock);
    await t.call('settings.update', {
      senders: [{ name: 'Bakkerij', email: 'nieuws@bakkerij.nl', replyTo: '' }],
    });
    const mailing = await t.call('mailings.create', { type: 'newsletter' });
    await t.call('mailings.update', {
      id: mailing.id,
      patch: { subject: 'Stol', from: (await t.call('settings.get', {})).senders[0]!.id },
    });
    await t.call('send.test', { mailingId: mailing.id, to: ['ik@bakkerij.nl'] });
    clock.advance(DAY);
    await backupIfDue(t.app.context.database.sqlite, join(dataDir, 'backups'), clock.now());

    const found = modes(dataDir);
    expect(Object.keys(found)).toEqual(
      expect.arrayContaining([
        '.',
        'winkelpost.sqlite',
        'winkelpost.sqlite-wal',
        'secret.key',
        'backups',
        expect.stringMatching(/^backups\/winkelpost-.+\.sqlite$/),
        'outbox',
        'outbox/oud.eml',
        expect.stringMatching(/^outbox\/.+\.eml$/),
      ]),
    );
    expect(Object.keys(found).filter((f) => f.startsWith('outbox/'))).toHaveLength(2);
    expect(onlyOwner(found)).toEqual([]);
    expect(found['.']).toBe('700');
  });

  it('makes a new folder 0700 with its database 0600', async () => {
    const dataDir = join(dir.path, 'nieuw');
    t = await openTestApp(dataDir, new ManualClock(Date.UTC(2026, 10, 2, 9)));
    const found = modes(dataDir);
    expect(found['.']).toBe('700');
    expect(found['winkelpost.sqlite']).toBe('600');
    expect(onlyOwner(found)).toEqual([]);
  });
});
