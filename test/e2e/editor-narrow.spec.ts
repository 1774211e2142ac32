import { copyBasisNewsletter } from './editorHelpers';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

// Electron's smallest window: the mail, the selected block's toolbar and its settings all in view.
test.use({ viewport: { width: 960, height: 720 } });

test('at 960 px the block toolbar is not clipped and the settings stay in view', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  const canvas = page.getByTestId('mail-canvas');
  // No sideways scrolling: the whole mail and the toolbar's column fit.
  expect(await canvas.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

  await page.locator('[data-block-type="footer"]').click();
  const toolbar = page.getByRole('toolbar', { name: 'Acties voor Voettekst' });
  await expect(toolbar).toBeVisible();
  const bar = (await toolbar.boundingBox())!;
  const box = (await canvas.boundingBox())!;
  expect(bar.x).toBeGreaterThanOrEqual(box.x);
  expect(bar.x + bar.width).toBeLessThanOrEqual(box.x + box.width);

  // The footer is at the end of the mail; its settings are in the window, not only after it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole('heading', { name: 'Instellingen: Voettekst' })).toBeInViewport();
});
