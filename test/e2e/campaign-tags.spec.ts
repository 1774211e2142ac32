import { unwrap } from '../../electron/contract';
import { newBlock } from '../../electron/services/render';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('campaign tags: switched on in the account, shown in the preview link list, off per mailing; the dark view', async ({
  page,
  winkelpost,
}) => {
  const { handlers } = winkelpost.app;
  unwrap(
    await handlers['settings.update']({
      shop: { name: 'Bakkerij Jansen', website: 'https://bakkerij.nl' },
    }),
  );

  await page.goto(`${winkelpost.url}/#/account`);
  const section = page.getByTestId('section-campaign-tags');
  await expect(section.getByText('Links naar bakkerij.nl')).toBeVisible();
  await section.getByRole('switch', { name: 'Nieuwe mailings krijgen campagnetags' }).check();
  await section.getByRole('button', { name: 'Opslaan' }).click();
  await expect(section.getByRole('status')).toHaveText('Opgeslagen');

  await page.goto(`${winkelpost.url}/#/mailings`);
  await page.getByRole('button', { name: 'Kopieer BASIS - nieuwsbrief' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  const id = /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
  const mailing = unwrap(await handlers['mailings.get']({ id })) as {
    document: { version: number; blocks: unknown[] };
  };
  const own = newBlock('button');
  const other = newBlock('button');
  unwrap(
    await handlers['mailings.update']({
      id,
      patch: {
        subject: 'Kerststol',
        document: {
          ...mailing.document,
          blocks: [
            { ...own, data: { ...own.data, url: 'https://www.bakkerij.nl/stol?maat=groot' } },
            { ...other, data: { ...other.data, url: 'https://recepten.example.org/stol' } },
            ...mailing.document.blocks,
          ],
        },
      },
    }),
  );

  await page.getByRole('tab', { name: '4. Preview' }).click();
  const links = page.getByTestId('preview-links');
  await expect(links).toContainText(
    'https://www.bakkerij.nl/stol?maat=groot&utm_source=winkelpost&utm_medium=email&utm_campaign=kerststol-',
  );
  await expect(links).toContainText('&utm_content=button-1');
  await expect(links).toContainText('https://recepten.example.org/stol');
  await expect(links).not.toContainText('recepten.example.org/stol?');

  const tagsSwitch = page.getByRole('switch', {
    name: 'Campagnetags toevoegen (Google Analytics)',
  });
  await expect(tagsSwitch).toBeChecked();
  await tagsSwitch.uncheck();
  await expect(links).not.toContainText('utm_');
  await expect(links).toContainText('https://www.bakkerij.nl/stol?maat=groot');
  expect(
    (unwrap(await handlers['mailings.get']({ id })) as { campaignTags: boolean }).campaignTags,
  ).toBe(false);

  // Donker: the mail as a dark-mode mail app recolours it.
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  const lightBody = await frame
    .locator('body')
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  await page.getByText('Donker', { exact: true }).click();
  await expect(page.getByTestId('preview-frame')).toHaveAttribute('src', /scheme=dark/);
  await expect(page.getByText('donkere modus van Gmail en Outlook')).toBeVisible();
  await expect
    .poll(() => frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor))
    .not.toBe(lightBody);
  const darkBody = await frame.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  const [r, g, b] = darkBody.match(/\d+/g)!.map(Number);
  expect(Math.max(r!, g!, b!)).toBeLessThan(80);
});
