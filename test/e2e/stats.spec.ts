import { readFileSync } from 'node:fs';
import { statsAggregatesOf } from '../../electron/services/stats/statsAggregateStore';
import { seedSentMailing } from '../integration/sync/seed';
import {
  APPLE_PROXY_AGENT,
  fetchPixel,
  followLink,
  oneClickUnsubscribe,
  startTracker,
  TRACKER_PASSWORD,
  TRACKER_USER,
} from '../integration/sync/trackerFixture';
import { expect, test } from './fixtures';

/*
 * The real tracker runs beside the app on loopback. The sent mailing is seeded into the app's
 * database (sends + send_jobs as the queue leaves them); pixel, click and one-click unsubscribe
 * go over HTTP to the tracker exactly as a mail client would send them.
 */
test('log in, see opens, clicks and unsubscribes of a mailing after "Nu bijwerken"', async ({
  page,
  winkelpost,
}) => {
  const tracker = await startTracker({ freeFailures: 5, credits: 1000 });
  try {
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const { app, clock } = winkelpost;
    app.context.settings.update({ trackerUrl: tracker.url });
    const people = seedSentMailing(app.context.database.sqlite, {
      mailingId: 'm-winter',
      subject: 'Wintercollectie binnen',
      count: 3,
      sentAt: clock.now() - 3_600_000,
    });
    const links = [{ id: 1, url: 'https://jouwmodezaak.nl/winter' }];
    await tracker.store.putLinks(tracker.accountId, 'm-winter', links);
    statsAggregatesOf(app.context.database.sqlite).recordMailingLinks('m-winter', links);

    await page.goto(`${winkelpost.url}/#/account`);
    const account = page.getByTestId('section-account-link');
    await expect(account.getByRole('link', { name: 'Wachtwoord vergeten?' })).toHaveAttribute(
      'target',
      '_blank',
    );
    await account.getByLabel('Gebruikersnaam', { exact: true }).fill(TRACKER_USER);
    await account.getByLabel('Wachtwoord', { exact: true }).fill('verkeerd');
    await account.getByRole('button', { name: 'Inloggen' }).click();
    await expect(account.getByRole('alert')).toHaveText(
      /gebruikersnaam of het wachtwoord klopt niet/,
    );
    await account.getByLabel('Wachtwoord', { exact: true }).fill(TRACKER_PASSWORD);
    await account.getByLabel('Gebruikersnaam onthouden').check();
    await account.getByRole('button', { name: 'Inloggen' }).click();
    await expect(account.getByTestId('account-linked')).toContainText('Jouw Modezaak');
    await expect(page.getByTestId('credits-header')).toHaveText('U heeft nog 1000 credits');

    const [anna, bram, cor] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    await fetchPixel(tracker, tracker.token('open', 'm-winter', anna.recipientId));
    await fetchPixel(
      tracker,
      tracker.token('open', 'm-winter', bram.recipientId),
      APPLE_PROXY_AGENT,
    );
    expect(
      (await followLink(tracker, tracker.token('click', 'm-winter', anna.recipientId, 1))).location,
    ).toBe('https://jouwmodezaak.nl/winter');
    expect(
      await oneClickUnsubscribe(tracker, tracker.token('unsubscribe', 'm-winter', cor.recipientId)),
    ).toBe(200);

    await page.getByRole('banner').getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect(page.getByTestId('sync-status')).toHaveText(/^Bijgewerkt \d\d:\d\d$/);
    // The unsubscribe is on the suppression list right away: the next send skips Cor.
    expect(app.context.suppression.get(cor.email)?.reason).toBe('unsubscribed');
    expect(app.context.suppression.isSuppressed(anna.email)).toBe(false);

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Statistieken' })
      .click();
    await page.getByRole('link', { name: 'Wintercollectie binnen' }).click();
    await expect(page.getByTestId('stats-recipients')).toHaveText('3');
    await expect(page.getByTestId('opened-count')).toHaveText('1');
    await expect(page.getByTestId('possibly-opened-count')).toHaveText('2');
    await expect(page.getByTestId('machine-opened-count')).toHaveText('1');
    await expect(page.getByTestId('machine-note')).toContainText(
      '1 ontvanger werd alleen door een machine geopend',
    );
    await expect(
      page.getByText('Het werkelijke aantal lezers is daarom meestal hoger'),
    ).toBeVisible();
    await expect(page.getByRole('img', { name: 'Geopend/mogelijk geopend' })).toBeVisible();

    await page.getByTestId('opened-table').getByRole('button', { name: 'details' }).click();
    const opened = page.getByTestId('details-opened');
    await expect(opened.getByRole('row')).toHaveCount(2);
    await expect(opened).toContainText(anna.email);
    await expect(opened).toContainText(anna.name);

    await page.getByRole('switch', { name: 'Machine-openingen en scannerkliks meetellen' }).check();
    await expect(page.getByTestId('opened-count')).toHaveText('2');
    await expect(opened.getByRole('row')).toHaveCount(3);
    await expect(opened).toContainText(bram.email);

    await page.getByLabel('Type statistieken').first().click();
    await page.getByRole('option', { name: 'Bezoeken van links' }).click();
    const linksTable = page.getByTestId('links-table');
    await expect(linksTable.getByRole('row').nth(1)).toContainText(
      'https://jouwmodezaak.nl/winter',
    );
    await expect(linksTable.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText('1');
    await linksTable.getByRole('button', { name: 'details' }).click();
    await expect(page.getByTestId('details-clicked')).toContainText(anna.email);

    await page.getByLabel('Type statistieken').first().click();
    await page.getByRole('option', { name: 'Uitschrijvingen' }).click();
    await expect(page.getByTestId('unsubscribes-count')).toHaveText('1');
    await expect(page.getByTestId('details-unsubscribes')).toContainText(cor.email);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Downloaden als CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      /^statistieken-unsubscribes-\d{4}-\d\d-\d\d\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('E-mailadres;Naam;Uitgeschreven op');
    expect(csv).toContain(`${cor.email};${cor.name};`);

    await page.getByLabel('Type statistieken').first().click();
    await page.getByRole('option', { name: 'Verloop eerste 7 dagen' }).click();
    await expect(page.getByRole('img', { name: 'Verloop eerste 7 dagen' })).toBeVisible();

    await page.getByLabel('Type statistieken').first().click();
    await page.getByRole('option', { name: 'Verstuurd en bounces' }).click();
    await expect(page.getByTestId('delivery-delivered')).toHaveText('3');

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Home' })
      .click();
    await expect(page.getByTestId('home-last-mailing')).toContainText('Wintercollectie binnen');
    expect(problems).toEqual([]);
  } finally {
    await tracker.close();
  }
});

test('Credits ophogen shows balance, prices per mail, bundles, and records an order at the tracker', async ({
  page,
  winkelpost,
}) => {
  const tracker = await startTracker({ credits: 750 });
  try {
    winkelpost.app.context.settings.update({ trackerUrl: tracker.url });
    await winkelpost.app.handlers['account.login']({
      userName: TRACKER_USER,
      password: TRACKER_PASSWORD,
    });
    await page.goto(`${winkelpost.url}/#/credits`);
    await expect(page.getByTestId('credits-balance')).toHaveText('750');
    await expect(page.getByText('2 credits per verstuurde waardebon-mail')).toBeVisible();
    await expect(
      page.getByText('Voorbeeld: een nieuwsbrief aan 300 klanten kost 300 credits'),
    ).toBeVisible();
    const bundles = page.getByTestId('bundles');
    await expect(bundles).toContainText('500 credits');
    await expect(bundles).toContainText('€ 25,00');
    await expect(page.getByTestId('ledger')).toContainText('Credits bijgeschreven');
    // Bestellen asks first, naming the bundle and its price; Annuleren orders nothing.
    await bundles.getByRole('button', { name: 'Bestellen' }).first().click();
    const confirm = page.getByRole('dialog', { name: 'Credits bestellen' });
    await expect(confirm).toContainText(/Bestel de bundel '.+' \(500 credits\) voor €\s25,00\?/);
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(confirm).toBeHidden();
    expect(await tracker.store.listOrders(tracker.accountId)).toEqual([]);
    await bundles.getByRole('button', { name: 'Bestellen' }).first().click();
    await confirm.getByRole('button', { name: 'Bestellen' }).click();
    await expect(page.getByRole('status')).toContainText(
      'Uw bestelling van 500 credits is doorgegeven',
    );
    await expect(page.getByTestId('orders')).toContainText('Aangevraagd');
    const orders = await tracker.store.listOrders(tracker.accountId);
    expect(orders.map((o) => [o.bundleId, o.status])).toEqual([['b500', 'requested']]);
  } finally {
    await tracker.close();
  }
});
