import { fileURLToPath } from 'node:url';
import { unwrap } from '../../electron/contract';
import { addBlockBeforeFooter, copyBasisNewsletter, selectToLineStart } from './editorHelpers';
import { expect, test } from './fixtures';

// Close the browser's connections before the server stops: a spare socket Chromium opened but
// never used would otherwise hold server.close() for a minute (until Node's headers timeout).
test.afterEach(async ({ context }) => {
  await context.close();
});

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));

test('a copied BASIS newsletter gets text with bold and [[voornaam]], an uploaded image and a new order, and keeps it all after a reload', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  const blocks = page.getByTestId('block');
  const before = await blocks.count();

  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  await expect(blocks).toHaveCount(before + 1);
  const text = page.locator('[data-block-type="text"][data-selected]');
  const editable = text.getByRole('textbox', { name: 'Tekst' });
  await editable.click();
  await page.keyboard.type('Welkom in onze winkel');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await text.getByRole('button', { name: 'Vet' }).click();
  await expect(editable.locator('strong, .bold, [class*="bold"]')).toHaveText('winkel');
  await page.keyboard.press('End');
  // Bold continues after a bold word, as in a word processor: switch it off to go on plainly.
  await text.getByRole('button', { name: 'Vet' }).click();
  await page.keyboard.type(', ');
  await text.getByRole('button', { name: 'Variabelen' }).click();
  await page.getByRole('menuitem', { name: '[[voornaam]]' }).click();
  await expect(editable.getByTestId('variable-token')).toHaveText('[[voornaam]]');
  await page.keyboard.type('!');

  await addBlockBeforeFooter(page, 'Afbeelding over de hele breedte');
  const image = page.locator('[data-block-type="image"][data-selected]');
  await image.getByRole('button', { name: 'Kies een afbeelding' }).click();
  const library = page.getByRole('dialog', { name: 'Kies een afbeelding' });
  await library.locator('input[type="file"]').setInputFiles(fixture('upload-jas.png'));
  await library.getByRole('button', { name: 'Toevoegen' }).click();
  // Scaled down in the main process to 640 px wide.
  await expect(library.getByRole('option', { name: /upload-jas\.png/ })).toContainText(
    '640 × 284 px',
  );
  await library.getByRole('button', { name: 'Gebruik afbeelding' }).click();
  await expect(image.getByTestId('block-image')).toBeVisible();

  // Move the image above the text with the button.
  await image.getByRole('button', { name: 'Omhoog' }).click();
  const types = () =>
    blocks.evaluateAll((els) => els.map((e) => e.getAttribute('data-block-type')));
  const expectedOrder = await types();
  expect(expectedOrder.slice(-3)).toEqual(['image', 'text', 'footer']);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await expect(blocks).toHaveCount(before + 2);
  expect(await types()).toEqual(expectedOrder);
  const reloadedText = page.locator('[data-block-type="text"]').last();
  await expect(reloadedText).toContainText('Welkom in onze winkel, [[voornaam]]!');
  await expect(reloadedText.locator('strong, [class*="bold"]')).toHaveText('winkel');
  await expect(page.locator('[data-block-type="image"]').getByTestId('block-image')).toBeVisible();

  // What was saved is what the renderer reads: a bold text node and a variable node.
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: { blocks: { type: string; data: Record<string, unknown> }[] };
  };
  const saved = JSON.stringify(mailing.document.blocks.filter((b) => b.type === 'text').at(-1));
  expect(saved).toContain('"text":"winkel"');
  expect(saved).toMatch(/"format":1/);
  expect(saved).toContain('{"type":"variable","version":1,"name":"voornaam"}');
});

test('a variable token is removed whole by Backspace, never half', async ({ page, winkelpost }) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  await text.getByRole('textbox', { name: 'Tekst' }).click();
  await page.keyboard.type('Hallo ');
  await text.getByRole('button', { name: 'Variabelen' }).click();
  await page.getByRole('menuitem', { name: '[[voornaam]]' }).click();
  await expect(text.getByTestId('variable-token')).toHaveCount(1);
  await page.keyboard.press('Backspace');
  await expect(text.getByTestId('variable-token')).toHaveCount(0);
  await expect(text.getByRole('textbox', { name: 'Tekst' })).toHaveText('Hallo ');
});

test('a PDF is refused in the image library with the reason', async ({ page, winkelpost }) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Afbeelding over de hele breedte');
  await page.getByRole('button', { name: 'Kies een afbeelding' }).first().click();
  const library = page.getByRole('dialog', { name: 'Kies een afbeelding' });
  await library.locator('input[type="file"]').setInputFiles(fixture('upload-folder.pdf'));
  await library.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(library.getByRole('alert')).toContainText(
    'upload-folder.pdf is geen GIF-, JPG-, JPEG- of PNG-afbeelding.',
  );
  await expect(library.getByRole('button', { name: 'Gebruik afbeelding' })).toBeDisabled();
});

test('a deleted block comes back with "Ongedaan maken", and copies keep their text', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  await text.getByRole('textbox', { name: 'Tekst' }).click();
  await page.keyboard.type('Alleen deze week');
  await text.getByRole('button', { name: 'Dupliceren' }).click();
  await expect(
    page.locator('[data-block-type="text"]', { hasText: 'Alleen deze week' }),
  ).toHaveCount(2);
  await page
    .locator('[data-block-type="text"][data-selected]')
    .getByRole('button', { name: 'Verwijderen' })
    .click();
  await expect(
    page.locator('[data-block-type="text"]', { hasText: 'Alleen deze week' }),
  ).toHaveCount(1);
  await page.getByTestId('block-removed').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(
    page.locator('[data-block-type="text"]', { hasText: 'Alleen deze week' }),
  ).toHaveCount(2);
});

test('blocks are moved by dragging them by their handle', async ({ page, winkelpost }) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Knop');
  const blocks = page.getByTestId('block');
  const types = () =>
    blocks.evaluateAll((els) => els.map((e) => e.getAttribute('data-block-type')));
  const before = await types();
  expect(before.at(-2)).toBe('button');
  const button = page.locator('[data-block-type="button"][data-selected]');
  await button.getByRole('button', { name: 'Verslepen' }).dragTo(blocks.first());
  const after = await types();
  expect(after[0]).toBe('button');
  expect(after.slice(1)).toEqual(before.filter((_, i) => i !== before.length - 2));
});

test('links are checked: a button refuses javascript: and completes www. addresses', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Knop');
  const settings = page.getByTestId('block-settings');
  const link = settings.getByLabel('Link van de knop');
  await link.fill('javascript:alert(1)');
  await expect(settings.getByText('Vul een webadres in (zoals www.uwwinkel.nl)')).toBeVisible();
  await link.fill('www.modemarijke.nl/winter');
  await expect(settings.getByText('Vul een webadres in (zoals www.uwwinkel.nl)')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: { blocks: { type: string; data: { url?: string } }[] };
  };
  const saved = mailing.document.blocks.find((b) => b.type === 'button');
  expect(saved?.data.url).toBe('https://www.modemarijke.nl/winter');

  // The same check for a link in a text.
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  await page.keyboard.type('Bekijk de collectie');
  await selectToLineStart(
    page,
    text.getByRole('textbox', { name: 'Tekst' }),
    'Bekijk de collectie',
  );
  await text.getByRole('button', { name: 'Link', exact: true }).click();
  const address = page.getByLabel('Webadres of e-mailadres');
  await address.fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Link maken' }).click();
  await expect(page.getByText('Vul een webadres in (zoals www.uwwinkel.nl)')).toBeVisible();
  await address.fill('www.modemarijke.nl');
  await page.getByRole('button', { name: 'Link maken' }).click();
  await expect(text.getByRole('link', { name: 'Bekijk de collectie' })).toHaveAttribute(
    'href',
    'https://www.modemarijke.nl',
  );
});

test('the Variabelen menu also offers the extra columns of the attached selections', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  const now = winkelpost.clock.now();
  const mapping = [
    { target: 'email', variable: 'email' },
    { target: 'voornaam', variable: 'voornaam' },
    { target: 'extra', variable: 'maat' },
  ];
  winkelpost.app.context.database.sqlite
    .prepare(
      `insert into selections (id, description, file_name, created_at, consent_confirmed_at, count, mapping, extra_columns)
       values ('sel-maat', 'Klanten met maat', 'maten.csv', ?, ?, 0, ?, '["maat"]')`,
    )
    .run(now, now, JSON.stringify(mapping));
  unwrap(
    await winkelpost.app.handlers['mailings.setSelections']({ id, selectionIds: ['sel-maat'] }),
  );
  await page.reload();

  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  await page.keyboard.type('Uw maat: ');
  await text.getByRole('button', { name: 'Variabelen' }).click();
  const menu = page.getByRole('menu');
  await expect(menu.getByText('Extra kolommen van uw selecties')).toBeVisible();
  // The standard ones are listed once, not again as extra columns.
  await expect(menu.getByRole('menuitem', { name: '[[voornaam]]' })).toHaveCount(1);
  await menu.getByRole('menuitem', { name: '[[maat]]' }).click();
  await expect(text.getByTestId('variable-token')).toHaveText('[[maat]]');
});

test('a variable gets a replacement for an empty value by clicking it', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  await page.keyboard.type('Beste ');
  await text.getByRole('button', { name: 'Variabelen' }).click();
  await page.getByRole('menuitem', { name: '[[naam]]' }).click();
  await text.getByRole('button', { name: 'Vervangende tekst voor [[naam]]' }).click();
  await page.getByLabel('Als dit leeg is, toon dan').fill('klant');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(text.getByTestId('variable-token')).toHaveText('[[naam|klant]]');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: unknown;
  };
  expect(JSON.stringify(mailing.document)).toContain(
    '{"type":"variable","version":1,"name":"naam","fallback":"klant"}',
  );
});
