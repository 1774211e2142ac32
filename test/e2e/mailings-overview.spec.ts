import { unwrap } from '../../electron/contract';
import { expect, test } from './fixtures';

// Close the browser's connections before the server stops: a spare socket Chromium opened but
// never used would otherwise hold server.close() for a minute (until Node's headers timeout).
test.afterEach(async ({ context }) => {
  await context.close();
});

test('the overview lists the templates, copies BASIS - nieuwsbrief and deletes the copy after asking', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/mailings`);
  const table = page.getByTestId('open-mailings');
  for (const name of ['BASIS - nieuwsbrief', 'BASIS - waardebon', 'VOORBEELD - nieuwsbrief']) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // Templates can be copied, never deleted.
  await expect(table.getByRole('button', { name: 'Verwijder BASIS - nieuwsbrief' })).toHaveCount(0);
  await expect(page.getByText('Kopieer een BASIS-mailing (aanbevolen)')).toBeVisible();

  await table.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  const copyId = /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
  await page.getByLabel('Onderwerp').fill('Wintercollectie');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Overzicht' })
    .click();
  const row = table.getByTestId('mailing-row').filter({ hasText: 'Wintercollectie' });
  await expect(row).toContainText(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}/);
  await expect(row).toContainText('Open');

  await row.getByRole('button', { name: 'Verwijder Wintercollectie' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mailing verwijderen?' });
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Verwijder Wintercollectie' }).click();
  await dialog.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(table.getByText('Wintercollectie')).toHaveCount(0);
  const list = unwrap(await winkelpost.app.handlers['mailings.list']({ status: 'all' })) as {
    id: string;
  }[];
  expect(list.map((m) => m.id)).not.toContain(copyId);
});

test('a template opened by its name says what editing it means, is never offered for sending, and copies in one click', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/mailings`);
  await page
    .getByTestId('open-mailings')
    .getByRole('link', { name: 'BASIS - nieuwsbrief', exact: true })
    .click();
  const notice = page.getByTestId('template-notice');
  await expect(notice).toContainText('staat voortaan in elke nieuwe kopie');
  await page.getByRole('tab', { name: /Versturen/ }).click();
  await expect(page.getByTestId('template-not-sent')).toHaveText(
    'Een BASIS- of VOORBEELD-mailing kan niet verstuurd worden. Kopieer hem eerst.',
  );
  await expect(page.getByRole('button', { name: /^Versturen/ })).toHaveCount(0);

  await notice.getByRole('button', { name: 'Kopie maken en bewerken' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  await expect(page.getByTestId('template-notice')).toHaveCount(0);
});
