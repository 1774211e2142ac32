import { expect, test } from './fixtures';
import {
  addTextBlock,
  copyBasisNewsletter,
  openPreview,
  reloadWhenSaved,
  selectToLineStart,
} from './editorHelpers';

// Close the browser's connections before the server stops (see editor.spec.ts).
test.afterEach(async ({ context }) => {
  await context.close();
});

/** Each format is applied with the toolbar, must survive a reload and reach the mail's HTML. */

test('text colour and size from the toolbar survive a reload and are in the preview', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  const { text, editable } = await addTextBlock(page);
  await page.keyboard.type('Alleen vandaag');
  await selectToLineStart(page, editable, 'Alleen vandaag');

  await text.getByRole('button', { name: 'Tekstkleur' }).click();
  await page.getByRole('button', { name: '#c92a2a' }).click();
  // Choosing a swatch closes the colours and leaves the text selected.
  await expect(page.getByRole('button', { name: '#c92a2a' })).toBeHidden();
  await expect(editable.getByText('Alleen vandaag')).toHaveCSS('color', 'rgb(201, 42, 42)');

  await editable.click();
  await page.keyboard.press('End');
  await selectToLineStart(page, editable, 'Alleen vandaag');
  await text.getByRole('combobox', { name: 'Grootte' }).selectOption('24px');
  await expect(editable.getByText('Alleen vandaag')).toHaveCSS('font-size', '24px');
  // The text itself is untouched by the formatting.
  await expect(editable).toHaveText('Alleen vandaag');

  await reloadWhenSaved(page);
  const reloaded = page.locator('[data-block-type="text"]').last().getByText('Alleen vandaag');
  await expect(reloaded).toHaveCSS('color', 'rgb(201, 42, 42)');
  await expect(reloaded).toHaveCSS('font-size', '24px');

  const mail = await openPreview(page);
  const inMail = mail.locator('span', { hasText: 'Alleen vandaag' });
  await expect(inMail).toHaveAttribute('style', /color:\s*#c92a2a/i);
  await expect(inMail).toHaveAttribute('style', /font-size:\s*24px/);
});

test('alignment from the toolbar survives a reload and is in the preview', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  const { text, editable } = await addTextBlock(page);
  await page.keyboard.type('In het midden');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rechts ervan');
  await text.getByRole('button', { name: 'Rechts uitlijnen' }).click();
  await page.keyboard.press('ArrowUp');
  await text.getByRole('button', { name: 'Centreren' }).click();
  await expect(text.getByRole('button', { name: 'Centreren' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(editable.locator('p', { hasText: 'In het midden' })).toHaveCSS(
    'text-align',
    'center',
  );
  await expect(editable.locator('p', { hasText: 'Rechts ervan' })).toHaveCSS('text-align', 'right');

  await reloadWhenSaved(page);
  const reloaded = page.locator('[data-block-type="text"]').last();
  await expect(reloaded.locator('p', { hasText: 'In het midden' })).toHaveCSS(
    'text-align',
    'center',
  );
  await expect(reloaded.locator('p', { hasText: 'Rechts ervan' })).toHaveCSS('text-align', 'right');

  const mail = await openPreview(page);
  await expect(mail.locator('p', { hasText: 'In het midden' })).toHaveAttribute(
    'style',
    /text-align:\s*center/,
  );
  await expect(mail.locator('p', { hasText: 'Rechts ervan' })).toHaveAttribute(
    'style',
    /text-align:\s*right/,
  );
});

test('bullet and numbered lists from the toolbar survive a reload and are in the preview', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  const { text, editable } = await addTextBlock(page);
  await text.getByRole('button', { name: 'Opsomming' }).click();
  await page.keyboard.type('Truien');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Jassen');
  await page.keyboard.press('Enter');
  // An empty item plus Enter ends the list, as in a word processor.
  await page.keyboard.press('Enter');
  await text.getByRole('button', { name: 'Genummerde lijst' }).click();
  await page.keyboard.type('Kom langs');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kies uw maat');
  await expect(text.getByRole('button', { name: 'Genummerde lijst' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const expectLists = async (root: ReturnType<typeof page.locator>) => {
    await expect(root.locator('ul > li')).toHaveText(['Truien', 'Jassen']);
    await expect(root.locator('ol > li')).toHaveText(['Kom langs', 'Kies uw maat']);
  };
  await expectLists(editable);

  await reloadWhenSaved(page);
  await expectLists(page.locator('[data-block-type="text"]').last());

  const mail = await openPreview(page);
  await expect(mail.locator('ul > li')).toHaveText(['Truien', 'Jassen']);
  await expect(mail.locator('ol > li')).toHaveText(['Kom langs', 'Kies uw maat']);
});
