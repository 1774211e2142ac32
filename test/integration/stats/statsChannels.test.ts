import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../electron/contract';
import { emptyDocument, newBlock } from '../../../electron/services/render/document';
import {
  StatsAggregateStore,
  statsAggregatesOf,
} from '../../../electron/services/stats/statsAggregateStore';
import { startTestApp, type TestApp } from '../../helpers/testApp';
import { seedSentMailing } from '../sync/seed';
import {
  followLink,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
  type RunningTracker,
} from '../sync/trackerFixture';

describe('statistics and credits channels', () => {
  let tracker: RunningTracker;
  let t: TestApp;

  beforeEach(async () => {
    tracker = await startTracker({ credits: 300 });
    t = await startTestApp({ trackerUrl: tracker.url });
  });
  afterEach(async () => {
    await t.close();
    await tracker.close();
  });

  const login = () =>
    t.call('account.login', { userName: TRACKER_USER, password: TRACKER_PASSWORD });

  it('reports bounces from the queue and from the bounce mailbox once per person, with reasons', async () => {
    const { sqlite } = t.app.context.database;
    const sentAt = t.clock.now();
    const people = seedSentMailing(sqlite, { mailingId: 'm', count: 5, sentAt });
    // Refused while sending (job state), and a later bounce report for a mail that had gone out.
    sqlite
      .prepare(`update send_jobs set state = 'bounced_hard', last_error = ? where recipient_id = ?`)
      .run('550 5.1.1 user unknown', people[0]!.recipientId);
    const bounceMailbox = new StatsAggregateStore(sqlite);
    bounceMailbox.addOutcomeEvent({
      id: 'b1',
      mailingId: 'm',
      recipientId: people[1]!.recipientId,
      kind: 'bounce_soft',
      at: sentAt + 60_000,
      detail: '452 4.2.2 mailbox full',
    });
    // A report about the job the queue already marked: counted once.
    bounceMailbox.addOutcomeEvent({
      id: 'b2',
      mailingId: 'm',
      recipientId: people[0]!.recipientId,
      kind: 'bounce_hard',
      at: sentAt + 90_000,
      detail: 'user unknown',
    });
    sqlite
      .prepare(`update send_jobs set state = 'suppressed' where recipient_id = ?`)
      .run(people[4]!.recipientId);

    const stats = await t.call('stats.get', { mailingId: 'm' });
    expect(stats.mailing.recipients).toBe(4);
    expect(stats.delivery).toEqual({
      delivered: 2,
      sent: 4,
      hardBounces: 1,
      softBounces: 1,
      failed: 0,
      pending: 0,
      skipped: 1,
    });
    const bounces = await t.call('stats.details', { mailingId: 'm', list: 'bounces' });
    expect(bounces.total).toBe(2);
    expect(bounces.rows.map((r) => [r.email, r.detail])).toEqual([
      [people[0]!.email, 'hard: 550 5.1.1 user unknown'],
      [people[1]!.email, 'soft: 452 4.2.2 mailbox full'],
    ]);
    const csv = await t.call('stats.export', { mailingId: 'm', table: 'delivery' });
    expect(csv.csv.startsWith('\uFEFFOnderdeel;Aantal\r\n')).toBe(true);
    expect(csv.csv).toContain('Afgeleverd;2\r\n');
    expect(csv.csv).toContain(
      `${people[1]!.email};${people[1]!.name};Zachte bounces;452 4.2.2 mailbox full;`,
    );
  });

  it('exports clicks per link as CSV with the URL and guards against spreadsheet formulas', async () => {
    const { sqlite } = t.app.context.database;
    const people = seedSentMailing(sqlite, { mailingId: 'm', count: 2, sentAt: t.clock.now() });
    sqlite
      .prepare(`update send_jobs set data = ? where recipient_id = ?`)
      .run(JSON.stringify({ naam: '=HYPERLINK("x")' }), people[0]!.recipientId);
    const links = [{ id: 1, url: 'https://jouwmodezaak.nl/a;b' }];
    statsAggregatesOf(sqlite).recordMailingLinks('m', links);
    await tracker.store.putLinks(tracker.accountId, 'm', links);
    await login();
    await followLink(tracker, tracker.token('click', 'm', people[0]!.recipientId, 1));
    await followLink(tracker, tracker.token('click', 'm', people[0]!.recipientId, 1));
    await t.call('sync.now', {});

    const linksCsv = await t.call('stats.export', { mailingId: 'm', table: 'links' });
    expect(linksCsv.csv).toContain('"https://jouwmodezaak.nl/a;b";1;2;0\r\n');
    const clicked = await t.call('stats.export', { mailingId: 'm', table: 'clicked', linkId: 1 });
    expect(clicked.csv).toContain(`${people[0]!.email};"'=HYPERLINK(""x"")";`);
    expect(clicked.fileName).toMatch(/^statistieken-clicked-\d{4}-\d\d-\d\d\.csv$/);
  });

  it('rebuilds the link table of a sent mailing when the send path did not record it', async () => {
    const { sqlite } = t.app.context.database;
    const people = seedSentMailing(sqlite, { mailingId: 'm', count: 1, sentAt: t.clock.now() });
    const button = newBlock('button', 'b1');
    const document = {
      ...emptyDocument(),
      blocks: [{ ...button, data: { ...button.data, url: 'https://jouwmodezaak.nl/sale' } }],
    };
    sqlite
      .prepare('update mailings set document = ? where id = ?')
      .run(JSON.stringify(document), 'm');
    await tracker.store.putLinks(tracker.accountId, 'm', [
      { id: 1, url: 'https://jouwmodezaak.nl/sale' },
    ]);
    await login();
    await followLink(tracker, tracker.token('click', 'm', people[0]!.recipientId, 1));
    await t.call('sync.now', {});
    const stats = await t.call('stats.get', { mailingId: 'm' });
    expect(stats.links).toMatchObject([
      { linkId: 1, url: 'https://jouwmodezaak.nl/sale', clicks: 1 },
    ]);
  });

  it('credits: balance, bundles and ledger from the tracker, last known figures when offline', async () => {
    await expect(
      t.call('credits.order', { bundleId: 'b500', idempotencyKey: 'k-00000001' }),
    ).rejects.toThrow(ContractFailure);
    await login();
    await t.call('sync.now', {});
    const credits = await t.call('credits.get', {});
    expect(credits).toMatchObject({ linked: true, balance: 300, reserved: 0, offline: false });
    expect(credits.perMail).toEqual({ newsletter: 1, voucher: 2 });
    expect(credits.bundles.map((b) => [b.id, b.credits, b.priceCents]).sort()).toEqual([
      ['b2500', 2500, 9900],
      ['b500', 500, 2500],
    ]);
    const order = await t.call('credits.order', { bundleId: 'b500', idempotencyKey: 'k-00000001' });
    const again = await t.call('credits.order', { bundleId: 'b500', idempotencyKey: 'k-00000001' });
    expect(again.id).toBe(order.id);
    expect(await tracker.store.listOrders(tracker.accountId)).toHaveLength(1);

    // The reseller fulfils the order: the next sync shows the new balance and the ledger line.
    await tracker.store.fulfilOrder(order.id, Date.now());
    await t.call('sync.now', {});
    expect((await t.call('app.info', {})).credits.balance).toBe(800);
    const history = await t.call('credits.history', {});
    expect(history.filter((h) => h.kind === 'grant').map((h) => h.delta)).toEqual(
      expect.arrayContaining([300, 500]),
    );

    await tracker.server.close();
    const offline = await t.call('credits.get', {});
    expect(offline).toMatchObject({ balance: 800, offline: true });
    expect(offline.bundles).toHaveLength(2);
    expect(offline.orders[0]).toMatchObject({ id: order.id, status: 'fulfilled' });
  });
});
