import { linkTracker } from '../integration/sending/seed';
import { seedSentMailing } from '../integration/sync/seed';
import { oneClickUnsubscribe, startTracker } from '../integration/sync/trackerFixture';
import { fixtureTestApp } from './fixtureTestApp';
import { expect, test } from './fixtures';

/*
 * The block list and the address looked up follow a sync without a reload: the unsubscribe goes
 * over HTTP to the real tracker, "Nu bijwerken" in the header brings it in, and the page's data is
 * fetched again because 'sync.finished' makes it stale.
 */
test('an unsubscribe brought in by "Nu bijwerken" shows on the block list at once', async ({
  page,
  winkelpost,
}) => {
  const tracker = await startTracker({ credits: 100 });
  try {
    const { app, clock } = winkelpost;
    app.context.settings.update({ trackerUrl: tracker.url });
    await linkTracker(fixtureTestApp(winkelpost), tracker);
    const [, cor] = seedSentMailing(app.context.database.sqlite, {
      mailingId: 'm-lente',
      subject: 'Lentecollectie',
      count: 2,
      sentAt: clock.now() - 3_600_000,
    }) as [unknown, { recipientId: string; email: string }];

    await page.goto(`${winkelpost.url}/#/opnieuw-inschrijven`);
    const list = page.getByTestId('suppression-table');
    await expect(list).toContainText('Er staan geen adressen op de blokkeerlijst.');
    await page.getByLabel('E-mailadres').fill(cor.email);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.getByTestId('suppression-reason')).toHaveText(
      'Dit adres is niet geblokkeerd en kan mail ontvangen.',
    );

    expect(
      await oneClickUnsubscribe(tracker, tracker.token('unsubscribe', 'm-lente', cor.recipientId)),
    ).toBe(200);
    await page.getByRole('banner').getByRole('button', { name: 'Nu bijwerken' }).click();

    await expect(list).toContainText(cor.email);
    await expect(list).toContainText('uitgeschreven');
    await expect(list).toContainText('Lentecollectie');
    await expect(page.getByTestId('suppression-reason')).toContainText(
      'Geblokkeerd: uitgeschreven',
    );
  } finally {
    await tracker.close();
  }
});
