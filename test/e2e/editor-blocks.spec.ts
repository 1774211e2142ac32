import { unwrap } from '../../electron/contract';
import { expect, test, type AppFixture } from './fixtures';
import {
  addBlockBeforeFooter,
  copyBasisNewsletter,
  openPreview,
  reloadWhenSaved,
} from './editorHelpers';

// Close the browser's connections before the server stops (see editor.spec.ts).
test.afterEach(async ({ context }) => {
  await context.close();
});

/** What the main side saved for the last block of a type. */
async function savedBlock(winkelpost: AppFixture, id: string, type: string) {
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: { blocks: { type: string; data: Record<string, unknown> }[] };
  };
  return mailing.document.blocks.filter((b) => b.type === type).at(-1)?.data;
}

test("a voucher's settings (title, amount, barcode, points, conditions, colour) survive a reload and are in the preview", async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Waardebon');
  const settings = page.getByTestId('block-settings');
  await settings.getByLabel('Titel van de waardebon').fill('Uw winterbon');
  await settings.getByRole('switch', { name: 'Barcode tonen' }).uncheck();
  await settings.getByRole('switch', { name: 'Spaarpunten tonen', exact: true }).uncheck();
  await settings.getByRole('switch', { name: 'Resterende spaarpunten tonen' }).check();
  await settings.getByLabel('Voorwaarden').fill('Geldig tot en met 31-01-2027.');
  await settings.getByRole('textbox', { name: 'Kleur van de waardebon' }).fill('#2b8a3e');

  const voucher = page.locator('[data-block-type="voucher"]');
  await expect(voucher.getByLabel('Titel van de waardebon')).toHaveValue('Uw winterbon');
  await expect(voucher.getByLabel('Barcode van de waardebon')).toHaveCount(0);

  await reloadWhenSaved(page);
  await voucher.click();
  await expect(settings.getByLabel('Titel van de waardebon')).toHaveValue('Uw winterbon');
  await expect(settings.getByRole('switch', { name: 'Bedrag tonen' })).toBeChecked();
  await expect(settings.getByRole('switch', { name: 'Barcode tonen' })).not.toBeChecked();
  await expect(
    settings.getByRole('switch', { name: 'Spaarpunten tonen', exact: true }),
  ).not.toBeChecked();
  await expect(
    settings.getByRole('switch', { name: 'Resterende spaarpunten tonen' }),
  ).toBeChecked();
  await expect(settings.getByLabel('Voorwaarden')).toHaveValue('Geldig tot en met 31-01-2027.');
  await expect(settings.getByRole('textbox', { name: 'Kleur van de waardebon' })).toHaveValue(
    '#2b8a3e',
  );
  expect(await savedBlock(winkelpost, id, 'voucher')).toEqual({
    title: 'Uw winterbon',
    showAmount: true,
    showPoints: false,
    showRemainingPoints: true,
    showBarcode: false,
    barcodeFromReference: false,
    terms: 'Geldig tot en met 31-01-2027.',
    color: '#2b8a3e',
  });

  // The preview shows the sample customer's voucher (amount 10,50).
  const mail = await openPreview(page);
  await expect(mail.getByText('Uw winterbon')).toBeVisible();
  await expect(mail.getByText('Geldig tot en met 31-01-2027.')).toBeVisible();
  await expect(mail.getByText(/€\s*10,50/)).toHaveAttribute('style', /color:\s*#2b8a3e/i);
  // Remaining points (500) shown; the points this voucher is based on (100) and the barcode not.
  await expect(mail.locator('body')).toContainText('500 spaarpunten');
  await expect(mail.locator('body')).not.toContainText('100 spaarpunten');
  await expect(mail.locator('body')).not.toContainText('8712345678906');
});

test("a social block's links survive a reload and are in the preview", async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Sociale media');
  const settings = page.getByTestId('block-settings');
  await settings.getByRole('button', { name: 'Sociale media toevoegen' }).click();
  await settings.getByRole('button', { name: 'Sociale media toevoegen' }).click();
  const networks = settings.getByRole('combobox', { name: 'Netwerk' });
  const links = settings.getByRole('textbox', { name: 'Link naar uw pagina' });
  await networks.nth(0).selectOption('instagram');
  await links.nth(0).fill('www.instagram.com/modemarijke');
  await networks.nth(1).selectOption('website');
  await links.nth(1).fill('https://www.modemarijke.nl');

  const social = page.locator('[data-block-type="social"]');
  await expect(social.getByText(/^(Instagram|Website)$/)).toHaveText(['Instagram', 'Website']);

  await reloadWhenSaved(page);
  await expect(social.getByText(/^(Instagram|Website)$/)).toHaveText(['Instagram', 'Website']);
  await social.click();
  await expect(networks).toHaveCount(2);
  await expect(networks.nth(0)).toHaveValue('instagram');
  await expect(links.nth(0)).toHaveValue('https://www.instagram.com/modemarijke');
  await expect(networks.nth(1)).toHaveValue('website');
  await expect(links.nth(1)).toHaveValue('https://www.modemarijke.nl');
  expect(await savedBlock(winkelpost, id, 'social')).toMatchObject({
    items: [
      { network: 'instagram', url: 'https://www.instagram.com/modemarijke' },
      { network: 'website', url: 'https://www.modemarijke.nl' },
    ],
  });

  const mail = await openPreview(page);
  await expect(mail.getByRole('link', { name: 'Instagram' })).toHaveAttribute(
    'href',
    /instagram\.com(%2F|\/)modemarijke/,
  );
  await expect(mail.getByRole('link', { name: 'Website' })).toHaveAttribute(
    'href',
    /modemarijke\.nl/,
  );
});

test("a two-column block's texts and links survive a reload and are in the preview", async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Twee kolommen');
  const columns = page.locator('[data-block-type="twoColumns"]');
  await columns.getByRole('textbox', { name: 'Linker kolom' }).click();
  await page.keyboard.type('Warme truien');
  await columns.getByRole('textbox', { name: 'Rechter kolom' }).click();
  await page.keyboard.type('Stoere jassen');
  const settings = page.getByTestId('block-settings');
  await settings.getByLabel('Omschrijving van de afbeelding').nth(1).fill('Een stoere jas');
  await settings
    .getByLabel('Link bij klikken op de afbeelding')
    .nth(0)
    .fill('www.modemarijke.nl/truien');

  await reloadWhenSaved(page);
  await expect(columns.getByRole('textbox', { name: 'Linker kolom' })).toHaveText('Warme truien');
  await expect(columns.getByRole('textbox', { name: 'Rechter kolom' })).toHaveText('Stoere jassen');
  await columns.getByRole('textbox', { name: 'Linker kolom' }).click();
  await expect(settings.getByLabel('Omschrijving van de afbeelding').nth(1)).toHaveValue(
    'Een stoere jas',
  );
  await expect(settings.getByLabel('Link bij klikken op de afbeelding').nth(0)).toHaveValue(
    'https://www.modemarijke.nl/truien',
  );
  expect(await savedBlock(winkelpost, id, 'twoColumns')).toMatchObject({
    left: { href: 'https://www.modemarijke.nl/truien' },
    right: { alt: 'Een stoere jas' },
  });

  const mail = await openPreview(page);
  await expect(mail.getByText('Warme truien')).toBeVisible();
  await expect(mail.getByText('Stoere jassen')).toBeVisible();
});

test('a deleted block brought back with "Ongedaan maken" is saved in its place and is in the preview', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  await page.keyboard.type('Deze tekst komt terug');
  await addBlockBeforeFooter(page, 'Knop');
  const blocks = page.getByTestId('block');
  const types = () =>
    blocks.evaluateAll((els) => els.map((e) => e.getAttribute('data-block-type')));
  const order = await types();
  expect(order.slice(-3)).toEqual(['text', 'button', 'footer']);

  const text = page.locator('[data-block-type="text"]', { hasText: 'Deze tekst komt terug' });
  await text.click();
  await text.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(text).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('block-removed').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(text).toHaveCount(1);

  await reloadWhenSaved(page);
  expect(await types()).toEqual(order);
  await expect(text).toContainText('Deze tekst komt terug');

  const mail = await openPreview(page);
  await expect(mail.getByText('Deze tekst komt terug')).toBeVisible();
});

test('a new block gets its default words in the language of the mails, while the app stays Dutch', async ({
  page,
  winkelpost,
}) => {
  winkelpost.app.context.settings.update({ mailLanguage: 'en' });
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Knop');
  await addBlockBeforeFooter(page, 'Waardebon');

  // The app's own words stay Dutch; what goes to the customers is English.
  await expect(page.getByRole('tab', { name: '1. Inhoud' })).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  expect((await savedBlock(winkelpost, id, 'button'))?.label).toBe('See it here');
  expect((await savedBlock(winkelpost, id, 'voucher'))?.title).toBe('Your personal voucher');
  const mail = await openPreview(page);
  await expect(mail.getByText('See it here')).toBeVisible();
  await expect(mail.getByText('Your personal voucher')).toBeVisible();
});
