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

test('Algemeen warns about "GRATIS!!!" while typing, shows the phone inbox and saves the fields', async ({
  page,
  winkelpost,
}) => {
  await winkelpost.app.handlers['settings.update']({
    senders: [
      { name: 'Mode Marijke', email: 'info@modemarijke.nl', replyTo: 'marijke@modemarijke.nl' },
    ],
  });
  const id = await copyBasisNewsletter(page, winkelpost.url);

  await page.getByLabel('Onderwerp').fill('GRATIS!!!');
  const warnings = page.getByTestId('subject-warnings');
  await expect(warnings).toContainText('"gratis" laat spamfilters opletten.');
  await expect(warnings).toContainText('Veel hoofdletters');
  await expect(warnings).toContainText('Gebruik hoogstens één uitroepteken (nu 3).');
  await expect(page.getByTestId('phone-inbox')).toContainText('GRATIS!!!');

  await page.getByLabel('Onderwerp').fill('Nieuwe jassen binnen');
  await expect(warnings).toBeEmpty();
  await page.getByLabel('Voorregel').fill('Kom langs en pas ze in de winkel');
  await expect(page.getByTestId('phone-inbox')).toContainText('Kom langs en pas ze in de winkel');

  // No verified sender yet: the page says so and links to the account page; it can still be chosen.
  await expect(page.getByTestId('no-verified-sender')).toContainText(
    'Er is nog geen gecontroleerd afzenderadres.',
  );
  await expect(page.getByRole('link', { name: 'Naar de accountpagina' })).toHaveAttribute(
    'href',
    '#/account',
  );
  await page.getByRole('combobox', { name: 'Afzender (From)' }).click();
  await page
    .getByRole('option', { name: 'Mode Marijke <info@modemarijke.nl> (niet gecontroleerd)' })
    .click();
  await expect(page.getByText('Dit adres is nog niet gecontroleerd.')).toBeVisible();
  await expect(page.getByLabel('Antwoordadres (Reply-To)')).toHaveValue('marijke@modemarijke.nl');
  await expect(page.getByTestId('phone-inbox')).toContainText('Mode Marijke');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await expect(page.getByLabel('Onderwerp')).toHaveValue('Nieuwe jassen binnen');
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    subject: string;
    topLine: string;
    replyTo: string;
    from: string;
  };
  expect(mailing).toMatchObject({
    subject: 'Nieuwe jassen binnen',
    topLine: 'Kom langs en pas ze in de winkel',
    replyTo: 'marijke@modemarijke.nl',
  });
  expect(mailing.from).not.toBe('');
});
