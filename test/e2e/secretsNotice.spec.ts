import { expect, test } from './fixtures';

test('the account page says when only the data folder protects the passwords', async ({
  page,
  winkelpost,
}) => {
  // Browser mode keeps its key in the data folder: no OS key store guards the passwords.
  await page.goto(`${winkelpost.url}/#/account`);
  const notice = page.getByTestId('secrets-notice');
  await expect(notice).toContainText('Wachtwoorden alleen beschermd door de gegevensmap');
  await expect(notice).toContainText('sleutelbos');
});
