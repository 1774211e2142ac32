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

test('the preview shows the chosen contact of the attached selection, as text and in the mail', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  const now = winkelpost.clock.now();
  const { sqlite } = winkelpost.app.context.database;
  sqlite
    .prepare(
      `insert into selections (id, description, file_name, created_at, consent_confirmed_at, count, mapping, extra_columns)
       values ('sel-1', 'Vaste klanten', 'klanten.csv', ?, ?, 1, '[]', '[]')`,
    )
    .run(now, now);
  sqlite
    .prepare(
      `insert into contacts (selection_id, email, normalized_email, data, row_number)
       values ('sel-1', 'marieke@example.nl', 'marieke@example.nl', ?, 2)`,
    )
    .run(JSON.stringify({ voornaam: 'Marieke', naam: 'Marieke de Vries' }));
  unwrap(await winkelpost.app.handlers['mailings.setSelections']({ id, selectionIds: ['sel-1'] }));

  await page.getByRole('tab', { name: '4. Preview' }).click();
  const contact = page.getByRole('combobox', { name: 'Bekijk als' });
  await expect(contact).toHaveValue('Voorbeeldklant (Jan Jansen)');
  await contact.click();
  await page.getByRole('option', { name: 'Marieke de Vries <marieke@example.nl>' }).click();

  await expect(page.getByTestId('preview-warnings')).toBeVisible();
  await page.getByText('Platte tekst').click();
  await expect(page.getByTestId('preview-text')).toContainText('Beste Marieke,');
  await page.getByText('Opgemaakt').click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.getByText('Beste Marieke,')).toBeVisible();
  await expect(frame.locator('img[src]').first()).toBeVisible();

  // Images off: what a mail client that blocks images shows.
  await page.getByRole('switch', { name: 'Afbeeldingen uit' }).check();
  await expect(page.getByTestId('preview-frame')).toHaveAttribute('src', /images=off/);
  await expect(frame.getByText('Beste Marieke,')).toBeVisible();
  await expect(frame.locator('img[src]')).toHaveCount(0);

  // Phone width.
  await page.getByText('Telefoon').click();
  const box = await page.getByTestId('preview-frame').boundingBox();
  expect(Math.round(box!.width)).toBeLessThanOrEqual(375);
});

test('a preview warning links to the block that causes it', async ({ page, winkelpost }) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: { version: number; blocks: unknown[] };
  };
  const text = {
    id: 'maat-blok',
    type: 'text',
    data: {
      content: {
        root: {
          type: 'root',
          version: 1,
          children: [
            {
              type: 'paragraph',
              version: 1,
              children: [
                { type: 'text', version: 1, text: 'Uw maat: ', format: 0 },
                { type: 'variable', version: 1, name: 'maat' },
              ],
            },
          ],
        },
      },
    },
  };
  const blocks = [...mailing.document.blocks];
  blocks.splice(1, 0, text);
  unwrap(
    await winkelpost.app.handlers['mailings.update']({
      id,
      patch: { document: { ...mailing.document, blocks } },
    }),
  );
  await page.reload();
  await page.getByRole('tab', { name: '4. Preview' }).click();
  const warnings = page.getByTestId('preview-warnings');
  const item = warnings
    .getByRole('listitem')
    .filter({ hasText: 'De variabele [[maat]] bestaat niet.' });
  await item.getByRole('link', { name: 'Toon het blok' }).click();
  await expect(page).toHaveURL(/\/inhoud\?block=maat-blok$/);
  const block = page.locator('[data-block-id="maat-blok"]');
  await expect(block).toHaveAttribute('data-selected', 'true');
  await expect(block).toBeFocused();
  await expect(block.getByTestId('variable-token')).toHaveText('[[maat]]');
});
