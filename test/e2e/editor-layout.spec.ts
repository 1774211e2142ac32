import { unwrap } from '../../electron/contract';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('any block gets its own background and space around it, shown in the editor, saved and sent', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/mailings`);
  await page.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  const id = /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
  await page.getByRole('tab', { name: '1. Inhoud' }).click();

  const footer = page.locator('[data-block-type="footer"]');
  await footer.click();
  const layout = page.getByTestId('block-layout-settings');
  await layout.getByLabel('Achtergrond van dit blok').fill('#fdebd0');
  await layout.getByLabel('Ruimte boven').fill('32');
  await layout.getByLabel('Ruimte onder').fill('8');
  await layout.getByLabel('Ruimte onder').blur();

  const shown = footer.getByTestId('block-layout');
  await expect(shown).toHaveCSS('background-color', 'rgb(253, 235, 208)');
  await expect(shown).toHaveCSS('padding-top', '32px');

  await expect(async () => {
    const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
      document: { blocks: { type: string; style?: Record<string, unknown> }[] };
    };
    const saved = mailing.document.blocks.find((b) => b.type === 'footer');
    expect(saved?.style).toEqual({ backgroundColor: '#fdebd0', paddingTop: 32, paddingBottom: 8 });
  }).toPass({ timeout: 10_000 });

  await page.reload();
  await page.locator('[data-block-type="footer"]').click();
  await expect(page.getByTestId('block-layout-settings').getByLabel('Ruimte boven')).toHaveValue(
    '32 px',
  );
  const preview = unwrap(await winkelpost.app.handlers['mailings.preview']({ id })) as {
    html: string;
  };
  expect(preview.html).toContain('#fdebd0');
  expect(preview.html).toMatch(/padding:32px 0px 8px 0px/);
});

test('a long heading wraps in the editor as it does in the mail, and Enter adds no line break', async ({
  page,
  winkelpost,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(`${winkelpost.url}/#/mailings`);
  await page.getByRole('button', { name: 'Kopieer VOORBEELD - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  await page.getByRole('tab', { name: '1. Inhoud' }).click();

  const heading = page.locator('[data-block-type="heading"]').first().getByRole('textbox');
  const before = (await heading.boundingBox())!.height;
  await heading.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' en nog veel meer moois voor de koude dagen die eraan komen');
  await page.keyboard.press('Enter');
  await expect(heading).not.toHaveValue(/\n/);
  // The field grows by whole lines as the title gets longer, instead of cutting it off.
  await expect.poll(async () => (await heading.boundingBox())!.height).toBeGreaterThan(before + 20);
  expect(problems).toEqual([]);
});
