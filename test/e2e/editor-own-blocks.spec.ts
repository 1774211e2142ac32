import { unwrap } from '../../electron/contract';
import { expect, test, type AppFixture } from './fixtures';
import {
  addBlockBeforeFooter,
  addUploadedImageBlock,
  copyBasisNewsletter,
  openPreview,
} from './editorHelpers';

// Close the browser's connections before the server stops (see editor.spec.ts).
test.afterEach(async ({ context }) => {
  await context.close();
});

async function savedTypes(winkelpost: AppFixture, id: string): Promise<string[]> {
  const mailing = unwrap(await winkelpost.app.handlers['mailings.get']({ id })) as {
    document: { blocks: { type: string }[] };
  };
  return mailing.document.blocks.map((b) => b.type);
}

test('a product and a QR code block are added, saved as "Mijn blok" and inserted again', async ({
  page,
  winkelpost,
}) => {
  const id = await copyBasisNewsletter(page, winkelpost.url);
  const settings = page.getByTestId('block-settings');

  await addBlockBeforeFooter(page, 'Product Eén tot drie');
  await settings.locator('label', { hasText: /^2$/ }).click();
  await settings.getByLabel('Naam').first().fill('Winterjas');
  await settings.getByLabel('Prijs', { exact: true }).first().fill('89,95');
  await settings.getByLabel('Oude prijs (doorgestreept)').first().fill('119');
  const product = page.locator('[data-block-type="product"]');
  await expect(product.getByTestId('product-card')).toHaveCount(2);
  await expect(product.getByLabel('Naam van product 1')).toHaveValue('Winterjas');
  await expect(product.getByTestId('product-price').first()).toHaveText('€ 119,00€ 89,95');

  await addBlockBeforeFooter(page, 'QR-code');
  const qrLink = settings.getByLabel('Link in de QR-code');
  await qrLink.fill('www.jouwmodezaak.nl');
  await expect(settings.getByText('Dit is geen geldig webadres.', { exact: false })).toBeVisible();
  await qrLink.fill('https://www.jouwmodezaak.nl/review');
  await expect(page.getByTestId('qr-problem')).toHaveCount(0);

  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const frame = await openPreview(page);
  await expect(frame.locator('s')).toHaveText('€ 119,00');
  await expect(frame.getByText('Winterjas')).toBeVisible();
  await expect(frame.getByRole('img', { name: 'Scan de code met je telefoon' })).toBeVisible();
  await expect(
    frame.getByRole('link', { name: 'https://www.jouwmodezaak.nl/review' }),
  ).toBeVisible();

  // The other views: plain text, images off, and a phone, where the products stack.
  await page.getByText('Platte tekst').click();
  await expect(page.getByTestId('preview-text')).toContainText(
    /Winterjas\s+Van €\s119,00, €\s89,95/,
  );
  await expect(page.getByTestId('preview-text')).toContainText(
    /Scan de code met je telefoon: https:\/\/www\.jouwmodezaak\.nl\/review/,
  );
  await page.getByText('Opgemaakt').click();
  await page.getByRole('switch', { name: 'Afbeeldingen uit' }).check();
  await expect(frame.locator('img[src]')).toHaveCount(0);
  await expect(frame.getByText('€ 89,95')).toBeVisible();
  await page.getByText('Telefoon').click();
  const first = await frame.getByText('Winterjas').boundingBox();
  const second = await frame.getByText('Productnaam').boundingBox();
  expect(Math.abs(first!.x + first!.width / 2 - (second!.x + second!.width / 2))).toBeLessThan(4);
  expect(second!.y).toBeGreaterThan(first!.y + first!.height);

  await page.getByRole('tab', { name: '1. Inhoud' }).click();
  await page.locator('[data-block-type="product"]').click();
  await page.getByRole('button', { name: 'Bewaar als Mijn blok' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bewaren als Mijn blok' });
  await dialog.getByLabel('Naam').fill('Jas van de week');
  const types = await savedTypes(winkelpost, id);
  await dialog.getByLabel(`Blok ${types.indexOf('qrCode') + 1}: QR-code`).check();
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('insert-slot').first().click();
  const picker = page.getByRole('dialog', { name: 'Inhoud toevoegen' });
  await picker
    .getByTestId('own-blocks')
    .getByRole('button', { name: /^Jas van de week/ })
    .click();
  await expect(picker).toBeHidden();
  await expect(page.locator('[data-block-type="product"]')).toHaveCount(2);
  await expect(page.locator('[data-block-type="qrCode"]')).toHaveCount(2);
  await expect(page.getByLabel('Naam van product 1').first()).toHaveValue('Winterjas');

  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  const after = await savedTypes(winkelpost, id);
  expect(after.slice(0, 2)).toEqual(['product', 'qrCode']);
  expect(after.filter((t) => t === 'product')).toHaveLength(2);
});

test('a mailing saved as "Mijn sjabloon" is listed beside the templates and copied with the copy icon', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/mailings`);
  await page.getByRole('button', { name: 'Bewaar als Mijn sjabloon: BASIS - nieuwsbrief' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bewaren als Mijn sjabloon' });
  await expect(dialog.getByLabel('Naam')).toHaveValue('BASIS - nieuwsbrief');
  await dialog.getByLabel('Naam').fill('Nieuwsbrief van de bakkerij');
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  const own = page.getByTestId('own-templates');
  await expect(own.getByTestId('own-template-row')).toHaveCount(1);
  await expect(own).toContainText('Nieuwsbrief van de bakkerij');
  await own.getByRole('button', { name: 'Kopiëren: Nieuwsbrief van de bakkerij' }).click();
  await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
  const id = /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
  const types = await savedTypes(winkelpost, id);
  expect(types).toContain('footer');
  const template = unwrap(await winkelpost.app.handlers['mailings.list']({ status: 'all' })) as {
    id: string;
    templateKey: string | null;
  }[];
  const basis = template.find((m) => m.templateKey === 'basis-nieuwsbrief')!;
  expect(types).toEqual(await savedTypes(winkelpost, basis.id));
});

test('a "Mijn blok" with an image shows that image at once in another mailing', async ({
  page,
  winkelpost,
}) => {
  await copyBasisNewsletter(page, winkelpost.url);
  await addUploadedImageBlock(page, 'upload-jas.png');
  await page.getByRole('button', { name: 'Bewaar als Mijn blok' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bewaren als Mijn blok' });
  await dialog.getByLabel('Naam').fill('Jas in beeld');
  await dialog.getByRole('button', { name: 'Bewaren' }).click();
  await expect(dialog).toBeHidden();

  // Another mailing: its image list was read before the block (and its image) came in.
  await copyBasisNewsletter(page, winkelpost.url);
  await page.getByTestId('insert-slot').first().click();
  await page
    .getByRole('dialog', { name: 'Inhoud toevoegen' })
    .getByTestId('own-blocks')
    .getByRole('button', { name: /^Jas in beeld/ })
    .click();
  await expect(page.locator('[data-block-type="image"]').getByTestId('block-image')).toBeVisible();
});
