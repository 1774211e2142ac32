import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { newBlock } from '../../../electron/services/render/document';
import { WebVersionPublisher } from '../../../electron/services/sending/webVersion';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import {
  followLink,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';
import { ALL_TICKED, fakeResolver, prependBlocks, seedMailing, sendAndWait, until } from './seed';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let t: TestApp | undefined;
let sink: SmtpSink | undefined;
let tracker: RunningTracker | undefined;
afterEach(async () => {
  await t?.close();
  await sink?.close();
  await tracker?.close();
  t = sink = tracker = undefined;
});

const SALE = 'https://bakkerij.nl/stol';

/** A mailing that greets by first name and has one button: link 1 of its link table. */
async function seedWithButton(app: TestApp, smtpPort: number) {
  const { mailingId } = await seedMailing(app, { smtpPort, count: 2 });
  const heading = newBlock('heading', 'hello');
  const button = newBlock('button', 'sale');
  await prependBlocks(app, mailingId, [
    { ...heading, data: { ...heading.data, text: 'Hallo [[voornaam|lezer]]' } },
    { ...button, data: { ...button.data, url: SALE } },
  ]);
  return mailingId;
}

/** The sent mailing changes behind the send's back: another document and another mail language. */
async function changeTheMailing(app: TestApp, mailingId: string) {
  const heading = newBlock('heading', 'other');
  const button = newBlock('button', 'other-button');
  const document = {
    version: 1,
    settings: (await app.call('mailings.get', { id: mailingId })).document.settings,
    blocks: [
      { ...heading, data: { ...heading.data, text: 'Iets heel anders' } },
      { ...button, data: { ...button.data, url: 'https://elders.nl/weg' } },
    ],
  };
  app.app.context.database.sqlite
    .prepare('update mailings set document = ? where id = ?')
    .run(JSON.stringify(document), mailingId);
  // A compile option that changes the compiler's output (the app's own words in the mail).
  await app.call('settings.update', { mailLanguage: 'en' });
}

function snapshotRow(app: TestApp, sendId: string) {
  return app.app.context.database.sqlite
    .prepare('select content_hash as hash, snapshot from send_snapshots where send_id = ?')
    .get(sendId) as { hash: string; snapshot: string } | undefined;
}

describe('the send snapshot', () => {
  it('keeps statistics, web version and a retried mail as sent after the mailing and the compile options change', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const mailingId = await seedWithButton(t, sink.port);
    const status = await sendAndWait(t, mailingId, 'snapshot-1');
    const sendId = status!.sendId;
    const stored = snapshotRow(t, sendId);
    expect(stored).toBeDefined();
    const published = await tracker.store.getWebVersion(tracker.accountId, mailingId);
    expect(published).toContain('Hallo lezer');
    expect(published).toContain(SALE);

    const { sqlite } = t.app.context.database;
    const first = sqlite
      .prepare('select recipient_id as id from send_jobs where send_id = ? order by id limit 1')
      .get(sendId) as { id: string };
    await followLink(tracker, tracker.token('click', mailingId, first.id, 1));
    await changeTheMailing(t, mailingId);
    // Statistics that must find the link table again (as after a send from an older version).
    sqlite.prepare('delete from mailing_links where mailing_id = ?').run(mailingId);
    await t.call('sync.now', {});
    const stats = await t.call('stats.get', { mailingId });
    expect(stats.links).toMatchObject([{ linkId: 1, url: SALE, clicks: 1 }]);

    // The web version uploaded again (a retry) is the page that was sent.
    expect(await new WebVersionPublisher(t.app.context).publishForSend(mailingId)).toBe(true);
    expect(await tracker.store.getWebVersion(tracker.accountId, mailingId)).toBe(published);

    // "Opnieuw proberen" for an uncertain mail sends what the others got.
    sqlite.prepare(`update send_jobs set state = 'uncertain' where recipient_id = ?`).run(first.id);
    const before = sink.received.length;
    await t.call('send.retryUncertain', { sendId });
    await until(
      'the retried mail',
      () => sink!.received.length,
      (n) => n > before,
    );
    const again = await simpleParser(sink.received.at(-1)!.raw);
    expect(again.text).toContain('Hallo Klant');
    expect(again.text).not.toContain('Iets heel anders');
    expect(again.html).toContain('>Online versie<');
    expect(snapshotRow(t, sendId)).toEqual(stored);
  });

  it('a send started before snapshots existed is compiled once when the queue first needs it, and finishes', async () => {
    sink = await startSmtpSink();
    tracker = await startTracker({ credits: 100 });
    t = await startTestApp({ trackerUrl: tracker.url, sending: { resolver: fakeResolver() } });
    await t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });
    const mailingId = await seedWithButton(t, sink.port);
    const at = t.clock.now() + 60 * 60_000;
    const started = await t.call('send.start', {
      mailingId,
      confirmed: ALL_TICKED,
      idempotencyKey: 'older-send',
      at,
    });
    const { sqlite } = t.app.context.database;
    // As the migration leaves a send that was under way: no snapshot.
    sqlite.prepare('delete from send_snapshots where send_id = ?').run(started.sendId);
    t.clock.advance(61 * 60_000);
    t.app.sending.manager.kick();
    await until(
      'the older send to finish',
      () => t!.call('send.status', { sendId: started.sendId }),
      (s) => s?.state === 'finished',
    );
    expect(sink.received).toHaveLength(2);
    const built = snapshotRow(t, started.sendId);
    expect(built).toBeDefined();
    // From then on it is fixed: a later change and a later reader leave it as it was.
    await changeTheMailing(t, mailingId);
    await t.call('stats.get', { mailingId });
    expect(snapshotRow(t, started.sendId)).toEqual(built);
  });
});
