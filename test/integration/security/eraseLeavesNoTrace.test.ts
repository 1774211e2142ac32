import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupIfDue, listBackups } from '../../../db/backups';
import { DAY } from '../../../electron/services/core/clock';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import {
  ALL_TICKED,
  fakeResolver,
  importAndAttach,
  linkTracker,
  seedMailing,
  until,
} from '../sending/seed';
import { startTracker, type RunningTracker } from '../sync/trackerFixture';

const PERSON = 'Eline.Verschoor@Voorbeeld.nl';
const NAME = 'Verschoor-Tromp';

/** Every file under the folder (database, -wal, -shm, backups, outbox), as bytes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The files whose bytes hold the text, in any letter case. */
function filesHolding(dir: string, text: string): string[] {
  const needle = text.toLowerCase();
  return filesUnder(dir).filter((file) =>
    readFileSync(file).toString('latin1').toLowerCase().includes(needle),
  );
}

describe('erasing a contact', () => {
  let t: TestApp | undefined;
  let tracker: RunningTracker | undefined;
  afterEach(async () => {
    await t?.close();
    await tracker?.close();
    t = tracker = undefined;
  });

  it('leaves no byte of the address or name in the data folder: database, -wal, outbox, backups', async () => {
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ sending: { resolver: fakeResolver() } });
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: 2525, count: 3 });
    await importAndAttach(t, mailingId, ['email;naam;voornaam', `${PERSON};Eline ${NAME};Eline`]);
    // No mail server: the send goes to the outbox folder as .eml files.
    await t.call('settings.update', { smtp: { host: '', port: 587, security: 'none', user: '' } });
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'voor-het-wissen',
    });
    await until(
      'the send to finish',
      () => t!.call('send.status', { sendId: started.sendId }),
      (s) => s?.state === 'finished',
    );
    // The mail server's words about this person, as a bounce and a pause leave them.
    const sqlite = t.app.context.database.sqlite;
    const bounced = sqlite
      .prepare(
        `insert into stats_recipients (mailing_id, recipient_id, bounce, bounce_at, bounce_detail)
         select mailing_id, recipient_id, 'hard', ?, ? from send_jobs where normalized_email = lower(?)`,
      )
      .run(t.clock.now(), `550 5.1.1 <${PERSON}>: user unknown`, PERSON);
    expect(bounced.changes).toBe(1);
    sqlite
      .prepare('update sends set pause_detail = ? where id = ?')
      .run(`452 too many recipients, last was ${PERSON}`, started.sendId);
    t.clock.advance(DAY);
    const backups = join(t.dataDir, 'backups');
    await backupIfDue(t.app.context.database.sqlite, backups, t.clock.now());
    // The person is really there before: in the database, the outbox and a backup.
    const before = filesHolding(t.dataDir, PERSON).map((f) => f.slice(t!.dataDir.length));
    expect(before).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/winkelpost\.sqlite(-wal)?$/),
        expect.stringMatching(/^\/outbox\/.+\.eml$/),
        expect.stringMatching(/^\/backups\/winkelpost-.+\.sqlite$/),
      ]),
    );
    const outboxBefore = readdirSync(join(t.dataDir, 'outbox')).length;

    await t.call('contacts.erase', { email: PERSON, confirm: true });

    expect(filesHolding(t.dataDir, PERSON)).toEqual([]);
    expect(filesHolding(t.dataDir, NAME)).toEqual([]);
    // Only that person's mail left the outbox; the others' stayed.
    expect(readdirSync(join(t.dataDir, 'outbox'))).toHaveLength(outboxBefore - 1);
    expect(listBackups(backups).length).toBeGreaterThanOrEqual(2);
    expect(filesHolding(t.dataDir, 'klant00001@example.nl').length).toBeGreaterThan(0);

    // The erased person stays blocked, also in a restored backup.
    const [newest] = listBackups(backups);
    const Database = (await import('better-sqlite3')).default;
    const restored = new Database(newest!.file, { readonly: true });
    try {
      const { emailHash } = await import('../../../electron/services/suppression/email');
      expect(
        restored.prepare('select 1 from suppression where email_hash = ?').get(emailHash(PERSON)),
      ).toBeDefined();
    } finally {
      restored.close();
    }

    // Still nothing after the app has closed (its last checkpoint).
    const dataDir = t.dataDir;
    await t.app.close();
    expect(filesHolding(dataDir, PERSON)).toEqual([]);
    t = { ...t, close: async () => {} };
  });
});
