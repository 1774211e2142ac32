import { unwrap } from '../../electron/contract';
import { expect, test } from './fixtures';
import { addBlockBeforeFooter, copyBasisNewsletter } from './editorHelpers';

test.afterEach(async ({ context }) => {
  await context.close();
});

const shop = {
  name: 'Bakkerij Jansen',
  address: 'Dorpsstraat 1',
  postalCode: '1234 AB',
  city: 'Utrecht',
};

test("the footer's shop line and the mail language follow a settings change without touching what is typed", async ({
  page,
  winkelpost,
}) => {
  const { handlers } = winkelpost.app;
  unwrap(await handlers['settings.update']({ shop }));
  await copyBasisNewsletter(page, winkelpost.url);
  const footer = page.locator('[data-block-type="footer"]');
  await expect(footer).toContainText('Bakkerij Jansen · Dorpsstraat 1 · 1234 AB Utrecht');

  const reason = footer.getByLabel('Waarom de klant deze mail krijgt');
  await reason.fill('U kocht bij ons een taart.');

  // Another window changes the shop and the mail language; settings.changed makes settings.get
  // stale, so the editor shows the new line while the typed reason stays as it is.
  unwrap(
    await handlers['settings.update']({
      shop: { ...shop, name: 'Bakkerij De Vries' },
      mailLanguage: 'en',
      language: 'nl',
    }),
  );
  await expect(footer).toContainText('Bakkerij De Vries · Dorpsstraat 1 · 1234 AB Utrecht');
  await expect(reason).toHaveValue('U kocht bij ons een taart.');

  // New blocks now get their default words in English.
  await addBlockBeforeFooter(page, 'Knop');
  const button = page.locator('[data-block-type="button"]').last();
  await expect(button.getByLabel('Tekst op de knop')).toHaveValue('See it here');
});
