import type { Page } from '@playwright/test';
import { unwrap } from '../../electron/contract';
import { expect, test } from './fixtures';

// Close the browser's connections before the server stops: a spare socket Chromium opened but
// never used would otherwise hold server.close() for a minute (until Node's headers timeout).
test.afterEach(async ({ context }) => {
  await context.close();
});

async function copyBasisNewsletter(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/mailings`);
  await page.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  return /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
}

type Stored = { subject: string; document: { blocks: unknown[] } };

test('a failed save is shown, kept and retried until it lands', async ({ page, winkelpost }) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await page.route('**/api/mailings.update', (route) => route.abort('connectionrefused'));
  await page.getByLabel('Onderwerp').fill('Uitverkoop in de winkel');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toContainText('Niet opgeslagen');
  await expect(status).toContainText('Uw wijziging blijft bewaard');
  const stored = async () =>
    unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as Stored;
  expect((await stored()).subject).toBe('');

  await page.unroute('**/api/mailings.update');
  await status.getByRole('button', { name: 'Nu opnieuw proberen' }).click();
  await expect(status).toHaveAttribute('data-state', 'saved');
  expect((await stored()).subject).toBe('Uitverkoop in de winkel');
});

test('closing the window before the save went out keeps the change for the next time', async ({
  page,
  context,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  // The app cannot reach its store while closing: only the local copy can save the change.
  await page.route('**/api/mailings.update', (route) => route.abort('connectionrefused'));
  await page.getByLabel('Onderwerp').fill('Laatste kans deze week');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(`${winkelpost.url}/#/mailings/${id}/algemeen`);
  await expect(again.getByLabel('Onderwerp')).toHaveValue('Laatste kans deze week');
  await expect(again.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as Stored;
  expect(mailing.subject).toBe('Laatste kans deze week');
});

test('a sent mailing is read-only in the archive and can be copied into a new mailing', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await page.getByLabel('Onderwerp').fill('Zomercollectie');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const sentAt = winkelpost.clock.now();
  winkelpost.app.context.database.sqlite
    .prepare(`update mailings set status = 'sent', sent_at = ? where id = ?`)
    .run(sentAt, id);

  await page.goto(`${winkelpost.url}/#/archief`);
  const row = page.getByTestId('archived-mailings').getByTestId('mailing-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Zomercollectie');
  await expect(row).toContainText('Verzonden');
  await row.getByRole('link', { name: 'Zomercollectie' }).click();
  await expect(
    page.getByText('Deze mailing is verstuurd en kan niet meer veranderen.'),
  ).toBeVisible();
  await page.getByRole('tab', { name: '1. Inhoud' }).click();
  await expect(page.getByTestId('block').first()).toBeVisible();
  await expect(page.getByTestId('insert-slot')).toHaveCount(0);
  await page.getByRole('tab', { name: '2. Algemeen' }).click();
  await expect(page.getByLabel('Onderwerp')).toHaveAttribute('readonly', '');

  await page.goto(`${winkelpost.url}/#/archief`);
  await row.getByRole('button', { name: 'Kopieer Zomercollectie' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  expect(page.url()).not.toContain(id);
  await expect(page.getByLabel('Onderwerp')).not.toHaveAttribute('readonly', '');
});
