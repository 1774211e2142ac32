import type { FrameLocator, Locator, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect } from './fixtures';

/** An image of test/fixtures/images, as a path for a file input. */
export const imageFixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/images/${name}`, import.meta.url));

/** Adds a full-width image block above the footer and puts a freshly uploaded image in it. */
export async function addUploadedImageBlock(page: Page, fileName: string): Promise<Locator> {
  await addBlockBeforeFooter(page, 'Afbeelding over de hele breedte');
  const image = page.locator('[data-block-type="image"][data-selected]');
  await image.getByRole('button', { name: 'Kies een afbeelding' }).click();
  const library = page.getByRole('dialog', { name: 'Kies een afbeelding' });
  await library.locator('input[type="file"]').setInputFiles(imageFixture(fileName));
  await library.getByRole('button', { name: 'Toevoegen' }).click();
  await library.getByRole('button', { name: 'Gebruik afbeelding' }).click();
  await expect(image.getByTestId('block-image')).toBeVisible();
  return image;
}

/** Copies "BASIS - nieuwsbrief", opens step 1 (Inhoud) and returns the new mailing's id. */
export async function copyBasisNewsletter(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/mailings`);
  await page.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  await page.getByRole('tab', { name: '1. Inhoud' }).click();
  return /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
}

/** Opens the picker at the last "Klik hier…" above the footer and adds a block of that type. */
export async function addBlockBeforeFooter(page: Page, blockName: string) {
  const slots = page.getByTestId('insert-slot');
  await slots.nth((await slots.count()) - 2).click();
  await page
    .getByRole('dialog', { name: 'Inhoud toevoegen' })
    .getByRole('button', { name: blockName })
    .click();
}

/** Adds a full-width text block before the footer and puts the cursor in it. */
export async function addTextBlock(page: Page) {
  await addBlockBeforeFooter(page, 'Tekst over de hele breedte');
  const text = page.locator('[data-block-type="text"][data-selected]');
  const editable = text.getByRole('textbox', { name: 'Tekst' });
  await editable.click();
  return { text, editable };
}

/**
 * Selects from the cursor to the start of the line with the keyboard, and waits until the editor
 * itself holds that selection: Lexical takes it from the browser's selectionchange event, which
 * can arrive after a fast test has already pressed a toolbar control (a user never is that fast).
 */
export async function selectToLineStart(page: Page, editable: Locator, expected: string) {
  await selectWithKeys(page, editable, 'Shift+Home', expected);
}

/** Selects with the given keys, then waits until Lexical holds `expected` as its selection. */
export async function selectWithKeys(
  page: Page,
  editable: Locator,
  keys: string,
  expected: string,
) {
  await page.keyboard.press(keys);
  await expect
    .poll(() =>
      editable.evaluate((root) => {
        type Selection = { getTextContent(): string };
        type Editor = {
          getEditorState(): { _selection: Selection | null; read<T>(f: () => T): T };
        };
        const state = (
          root as unknown as { __lexicalEditor: Editor }
        ).__lexicalEditor.getEditorState();
        return state.read(() => state._selection?.getTextContent() ?? '');
      }),
    )
    .toBe(expected);
}

/** Waits until every change is saved, then reloads the page (what a restart would show). */
export async function reloadWhenSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.reload();
  await expect(page.getByTestId('block').first()).toBeVisible();
}

/** Step 4: the mail as the customer gets it, in its sandboxed frame. */
export async function openPreview(page: Page): Promise<FrameLocator> {
  await page.getByRole('tab', { name: '4. Preview' }).click();
  await expect(page.getByTestId('preview-frame')).toBeVisible();
  return page.frameLocator('[data-testid="preview-frame"]');
}
