import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../electron/contract';
import { NOT_A_BOUNCE_FLAG } from '../../../electron/services/bounces/bounceMailbox';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { fixtureSecret, fixtureSource, loadExpected } from '../../unit/bounces/fixtures';
import {
  dovecotBinary,
  DOVECOT_MISSING,
  imapClient,
  startDovecot,
  type RunningDovecot,
} from './dovecot';
import { eventsOf, jobState, seedSend } from './seed';

if (!dovecotBinary) console.warn(DOVECOT_MISSING);

const table = loadExpected();

/** One job per fixture that names a mail of ours; addresses and Message-IDs as in the fixtures. */
const JOBS = [
  { id: 101, email: 'anna.devries@voorbeeld.nl', messageId: '<wp.j101.5c1e9a@modemarijke.nl>' },
  { id: 102, email: 'bert@kpnmail.nl', messageId: '<wp.j102.77ab01@modemarijke.nl>' },
  { id: 103, email: 'carla@bakkerijdeboer.nl', messageId: '<wp.j103.90cd12@modemarijke.nl>' },
  { id: 104, email: 'dirk@hotmial.com', messageId: '<wp.j104.12fe88@modemarijke.nl>' },
  { id: 105, email: 'erik@tuincentrum-groen.nl', messageId: '<wp.j105.33aa01@modemarijke.nl>' },
  { id: 106, email: 'fleur@bloemenhuisjansen.nl', messageId: '<wp.j106.bb2244@modemarijke.nl>' },
  { id: 107, email: 'gerrit@aannemer-vos.nl', messageId: '<wp.j107.cc4455@modemarijke.nl>' },
  { id: 108, email: 'hans.bakker@gmail.com', messageId: '<wp.j108.dd5566@modemarijke.nl>' },
  { id: 109, email: 'ingrid.smit@gmail.com', messageId: '<wp.j109.ee6677@modemarijke.nl>' },
  { id: 110, email: 'jolanda_k@yahoo.com', messageId: '<wp.j110.ff7788@modemarijke.nl>' },
  { id: 111, email: 'klant.k@yahoo.com', messageId: '<wp.j111.a1b2c3@modemarijke.nl>' },
  { id: 112, email: 'petra@kapsalonpetra.nl', messageId: '<wp.j112.b2c3d4@modemarijke.nl>' },
  { id: 113, email: 'karin.peters@gmail.com', messageId: '<wp.j113.c3d4e5@modemarijke.nl>' },
  { id: 114, email: 'lisa_vermeulen@hotmail.com', messageId: '<wp.j114.d4e5f6@modemarijke.nl>' },
  { id: 115, email: 'marieke.dijkstra@ziggo.nl', messageId: '<wp.j115.e5f6a7@modemarijke.nl>' },
  { id: 116, email: 'sander@mulder-installatie.nl', messageId: '<wp.j116.f6a7b8@modemarijke.nl>' },
  { id: 117, email: 'noor@fietsenmaker-delft.nl', messageId: '<wp.j117.a7b8c9@modemarijke.nl>' },
];

const crlf = (buffer: Buffer) =>
  Buffer.from(buffer.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');

describe.skipIf(!dovecotBinary)('the bounce mailbox on a real IMAP server (Dovecot)', () => {
  let dovecot: RunningDovecot;
  let t: TestApp;
  let imap: ImapFlow;
  const emitted: { name: EventName; payload: unknown }[] = [];

  /** A fresh session for each look, so nothing cached by the test's own session is believed. */
  const folderStatus = async (path: string) => {
    const client = connect();
    await client.connect();
    try {
      const status = await client.status(path, { messages: true, unseen: true });
      if (!status) throw new Error(`No status for ${path}`);
      return status;
    } finally {
      await client.logout();
    }
  };
  const connect = () => imapClient(dovecot);

  const settings = () => ({
    host: dovecot.host,
    port: dovecot.port,
    security: 'none' as const,
    user: dovecot.user,
    address: table.mailbox,
  });

  beforeAll(async () => {
    dovecot = await startDovecot();
    t = await startTestApp();
    t.app.events.subscribe((name, payload) => emitted.push({ name, payload }));
    t.app.context.kv.set('bounces.verpSecret', fixtureSecret().toString('base64'));
    seedSend(t.app.context.database.sqlite, {
      mailingId: 'najaar',
      sendId: 'send-najaar',
      subject: 'Najaarsactie: 20% korting op jassen',
      at: t.clock.now(),
      jobs: JOBS,
    });
    imap = connect();
    await imap.connect();
    for (const fixture of table.fixtures)
      await imap.append('INBOX', crlf(fixtureSource(fixture.file)));
  });

  afterAll(async () => {
    await imap?.logout().catch(() => undefined);
    await t?.close();
    await dovecot?.stop();
  });

  it('refuses to poll before the mailbox is set up', async () => {
    await expect(t.call('bounces.pollNow', {})).rejects.toMatchObject({
      error: { key: 'bounces:errors.notConfigured' },
    });
  });

  it('saves the settings with the password encrypted and never returns it', async () => {
    const test = await t.call('bounces.testConnection', {
      ...settings(),
      password: dovecot.password,
    });
    expect(test).toEqual({
      ok: true,
      unseen: table.fixtures.length,
      processedFolder: 'Winkelpost.verwerkt',
    });
    const view = await t.call('bounces.updateSettings', {
      ...settings(),
      password: dovecot.password,
    });
    expect(view).toMatchObject({ passwordSet: true, configured: true, host: dovecot.host });
    expect(JSON.stringify(view)).not.toContain(dovecot.password);
    const stored = t.app.context.database.sqlite
      .prepare(`select value from settings where key like '%bounces%'`)
      .all() as { value: string }[];
    expect(stored.map((r) => r.value).join()).not.toContain(dovecot.password);
    // Saving again without a password keeps the stored one.
    const again = await t.call('bounces.updateSettings', settings());
    expect(again.passwordSet).toBe(true);
  });

  it('polls: classifies every report, acts on it, and moves it to Winkelpost.verwerkt', async () => {
    const result = await t.call('bounces.pollNow', {});
    expect(result).toEqual({
      processed: 16,
      hard: 8,
      soft: 2,
      blocked: 2,
      complaints: 1,
      delayed: 1,
      autoReplies: 2,
      unmatched: 0,
      leftInInbox: 1,
    });
    const sqlite = t.app.context.database.sqlite;
    const suppression = t.app.context.suppression;
    for (const email of [
      'anna.devries@voorbeeld.nl',
      'dirk@hotmial.com',
      'hans.bakker@gmail.com',
      'noor@fietsenmaker-delft.nl',
    ]) {
      expect(suppression.get(email)?.reason).toBe('hard_bounce');
    }
    expect(suppression.get('klant.k@yahoo.com')?.reason).toBe('complaint');
    for (const email of [
      'bert@kpnmail.nl',
      'gerrit@aannemer-vos.nl',
      'carla@bakkerijdeboer.nl',
      'petra@kapsalonpetra.nl',
    ]) {
      expect(suppression.isSuppressed(email)).toBe(false);
    }
    expect(jobState(sqlite, 101)).toBe('bounced_hard');
    expect(jobState(sqlite, 102)).toBe('bounced_soft');
    expect(jobState(sqlite, 103)).toBe('sent'); // delayed is not a bounce
    expect(jobState(sqlite, 107)).toBe('bounced_soft');
    expect(jobState(sqlite, 112)).toBe('sent'); // out-of-office
    expect(eventsOf(sqlite, 'bounce_hard')).toHaveLength(8);
    expect(eventsOf(sqlite, 'bounce_soft')).toHaveLength(4);
    expect(eventsOf(sqlite, 'complaint')).toEqual([
      { recipientId: 'r111', detail: expect.any(String) },
    ]);

    const send = sqlite
      .prepare(`select state, pause_detail as detail from sends where id = 'send-najaar'`)
      .get();
    expect(send).toEqual({ state: 'paused', detail: expect.stringMatching(/5\.7\.(708|26)/) });
    expect(emitted.filter((e) => e.name === 'bounces.sendPaused')).toEqual([
      {
        name: 'bounces.sendPaused',
        payload: {
          sendId: 'send-najaar',
          mailingId: 'najaar',
          reason: expect.stringContaining('gepauzeerd'),
        },
      },
    ]);
    expect(emitted.some((e) => e.name === 'bounces.processed')).toBe(true);

    const list = await t.call('bounces.list', { limit: 200 });
    expect(list.items).toHaveLength(16);
    const by = (email: string) => list.items.find((i) => i.email === email);
    expect(by('hans.bakker@gmail.com')?.matchedBy).toBe('message_id');
    expect(by('noor@fietsenmaker-delft.nl')?.matchedBy).toBe('recipient');
    expect(by('anna.devries@voorbeeld.nl')?.matchedBy).toBe('verp');

    // Nothing deleted: the customer's reply stays unread in the inbox, the rest is in the folder, read.
    const inbox = await folderStatus('INBOX');
    expect(inbox).toMatchObject({ messages: 1, unseen: 1 });
    const folder = await folderStatus('Winkelpost.verwerkt');
    expect(folder).toMatchObject({ messages: 16, unseen: 0 });
    const lock = await imap.getMailboxLock('INBOX');
    try {
      const [left] = await imap.fetchAll('1:*', { envelope: true, flags: true });
      expect(left?.envelope?.subject).toBe('Re: Najaarsactie: 20% korting op jassen');
      expect(left?.flags?.has(NOT_A_BOUNCE_FLAG)).toBe(true);
    } finally {
      lock.release();
      await imap.mailboxClose();
    }
    const status = await t.call('bounces.getSettings', {});
    expect(status.status).toEqual({
      lastPollAt: t.clock.now(),
      lastProblemKey: null,
      lastProblem: null,
    });
  });

  it('a second poll reads nothing again; a copy of a processed report is only moved', async () => {
    // Two clicks on "Nu ophalen" at once share one poll.
    const [first, second] = await Promise.all([
      t.call('bounces.pollNow', {}),
      t.call('bounces.pollNow', {}),
    ]);
    expect(first).toEqual(second);
    expect(first.processed).toBe(0);
    await imap.append('INBOX', crlf(fixtureSource('postfix-user-unknown.eml')));
    const result = await t.call('bounces.pollNow', {});
    expect(result).toMatchObject({ processed: 0, hard: 0, leftInInbox: 0 });
    expect((await folderStatus('INBOX')).messages).toBe(1);
    expect((await folderStatus('Winkelpost.verwerkt')).messages).toBe(17);
    expect((await t.call('bounces.list', { limit: 200 })).items).toHaveLength(16);
  });

  it('undo from the app lifts the suppression and restores the job', async () => {
    const item = (await t.call('bounces.list', { limit: 200 })).items.find(
      (i) => i.email === 'erik@tuincentrum-groen.nl',
    );
    expect(item?.undoable).toBe(true);
    await t.call('bounces.undo', { id: item!.id });
    expect(t.app.context.suppression.isSuppressed('erik@tuincentrum-groen.nl')).toBe(false);
    expect(jobState(t.app.context.database.sqlite, 105)).toBe('sent');
  });

  it('closing the app in the middle of a poll stops it at once and deletes nothing', async () => {
    const total = async () =>
      (await folderStatus('INBOX')).messages! +
      (await folderStatus('Winkelpost.verwerkt')).messages!;
    const before = await total();
    const other = await startTestApp();
    other.app.context.kv.set('bounces.verpSecret', fixtureSecret().toString('base64'));
    await other.call('bounces.updateSettings', { ...settings(), password: dovecot.password });
    for (let i = 0; i < 20; i += 1) {
      await imap.append('INBOX', crlf(fixtureSource(table.fixtures[i % 16]!.file)));
    }
    const polling = other.app.handlers['bounces.pollNow']({});
    await other.close();
    const outcome = await polling;
    // Finished just before the close, or cut off by it: both are fine, losing mail is not.
    expect(outcome.ok || outcome.error.code === 'unavailable').toBe(true);
    expect(await total()).toBe(before + 20);
  });

  it('records a failed poll for the settings page', async () => {
    await t.call('bounces.updateSettings', { ...settings(), password: 'verkeerd' });
    await expect(t.call('bounces.pollNow', {})).rejects.toMatchObject({
      error: { key: 'bounces:errors.auth' },
    });
    const view = await t.call('bounces.getSettings', {});
    expect(view.status.lastProblemKey).toBe('bounces:errors.auth');
  });
  // Last: after a failed login Dovecot delays the next ones from this address for a few seconds.
  it('says plainly when the password is wrong or the server cannot be reached', async () => {
    await expect(
      t.call('bounces.testConnection', { ...settings(), password: 'fout' }),
    ).rejects.toMatchObject({ error: { key: 'bounces:errors.auth' } });
    await expect(
      t.call('bounces.testConnection', { ...settings(), port: 1, password: dovecot.password }),
    ).rejects.toMatchObject({ error: { key: 'bounces:errors.connect' } });
  });
});
