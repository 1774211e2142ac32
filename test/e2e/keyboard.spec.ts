import type { Locator, Page } from '@playwright/test';
import { selectWithKeys } from './editorHelpers';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

/** Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user walks to it. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}) {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 60); i += 1) {
    const focused =
      (await target.count()) === 1 &&
      (await target.evaluate((el) => el === document.activeElement));
    if (focused) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

test('with the keyboard only: copy a template, add a text block, make a word bold, tick the checklist', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/mailings`);
  const heading = page.locator('main [data-page-heading]');
  await expect(heading).toHaveText('Mailings overzicht');

  // The first Tab stop skips the header and the menu.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Naar inhoud' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(heading).toBeFocused();

  // Copy: the new mailing opens with focus on its heading, not on <body>.
  await tabTo(page, page.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Algemeen – .+ – Winkelpost$/);

  // Steps are tabs: the arrow keys move between them and focus stays on the tab.
  await tabTo(page, page.getByRole('tab', { name: '2. Algemeen' }));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/inhoud$/);
  await expect(page.getByRole('tab', { name: '1. Inhoud' })).toBeFocused();

  // The block picker closed with Escape gives focus back to the place it was opened from.
  const afterText = page.getByRole('button', {
    name: 'Klik hier om op deze plaats inhoud toe te voegen, na blok 2: Tekst over de hele breedte',
  });
  await tabTo(page, afterText);
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog', { name: 'Inhoud toevoegen' });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(afterText).toBeFocused();

  // Add a text block: focus lands in it, ready to type; Ctrl+B makes the last word bold.
  await page.keyboard.press('Enter');
  await tabTo(page, picker.getByRole('button', { name: 'Tekst over de hele breedte' }));
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  const editable = page
    .locator('[data-block-type="text"][data-selected]')
    .getByRole('textbox', { name: 'Tekst' });
  await expect(editable).toBeFocused();
  await page.keyboard.type('Welkom in onze winkel');
  await selectWithKeys(page, editable, 'Shift+Control+ArrowLeft', 'winkel');
  await page.keyboard.press('Control+b');
  await expect(editable.locator('strong')).toHaveText('winkel');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // To step 6 through the tabs (left from the first wraps round to the last).
  await tabTo(page, page.getByRole('tab', { name: '1. Inhoud' }), { back: true, max: 120 });
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/versturen$/);
  await expect(page.getByRole('tab', { name: '6. Versturen' })).toBeFocused();
  await expect(page).toHaveTitle(/^Versturen – .+ – Winkelpost$/);

  // Tick the three manual checks with the space bar, once the checklist is on screen (a new
  // mailing's first check starts the MJML worker: about a second, longer on a loaded machine).
  await expect(page.getByRole('button', { name: 'Opnieuw controleren' })).toBeVisible();
  for (const label of [
    'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
    'Ik heb de testmail bekeken en hij ziet er goed uit.',
    'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
  ]) {
    const box = page.getByRole('checkbox', { name: label });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }

  // A fix link says what it fixes; following it puts focus on the page heading again.
  const fix = page.getByRole('link', { name: 'Oplossen: Selecties' });
  await tabTo(page, fix, { back: true });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/selecties$/);
  await expect(heading).toBeFocused();
});
