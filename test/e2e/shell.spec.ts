import { expect, test } from './fixtures';

test('the shell shows the Dutch navigation and the credits, and switches to English and back', async ({
  page,
  winkelpost,
}) => {
  await page.goto(winkelpost.url);
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const label of [
    'Home',
    'Overzicht',
    'Versturen',
    'Archief',
    'Automatisch',
    'Statistieken',
    'Selecties',
    'Opnieuw inschrijven',
    'Account',
    'Credits ophogen',
    'Overeenkomsten',
    'Handleiding',
  ]) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('credits-header')).toHaveText('U heeft nog 0 credits');

  await page.getByText('EN', { exact: true }).click();
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Buy credits' }),
  ).toBeVisible();
  await expect(page.getByTestId('credits-header')).toHaveText('You have 0 credits left');

  await page.reload();
  await expect(page.getByTestId('credits-header')).toHaveText('You have 0 credits left');
  expect(winkelpost.app.context.settings.read().language).toBe('en');

  await page.getByText('NL', { exact: true }).click();
  await expect(page.getByTestId('credits-header')).toHaveText('U heeft nog 0 credits');
});

test('the credits in the header come from the database', async ({ page, winkelpost }) => {
  winkelpost.app.context.kv.set('credits.balance', { balance: 1250, reserved: 0 });
  await page.goto(winkelpost.url);
  await expect(page.getByTestId('credits-header')).toHaveText('U heeft nog 1250 credits');
});

test('the page runs under a strict content security policy without errors', async ({
  page,
  winkelpost,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(winkelpost.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  await expect(page.getByTestId('credits-header')).toBeVisible();
  expect(problems).toEqual([]);
});

test('dialogs open under the strict content security policy without errors', async ({
  page,
  winkelpost,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${winkelpost.url}/#/mailings`);
  await page.getByRole('button', { name: 'Voeg een mailing toe' }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an address that leads nowhere says so and offers the way home', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/bestaat-niet`);
  await expect(page.getByRole('heading', { name: 'Deze pagina bestaat niet' })).toBeVisible();
  await page.getByRole('link', { name: 'Naar de startpagina' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij Winkelpost' })).toBeVisible();
});

test('a new shop finds its first steps on Home, each linked to the card where it is done', async ({
  page,
  winkelpost,
}) => {
  await page.goto(winkelpost.url);
  const steps = page.getByTestId('first-steps');
  await expect(steps.getByRole('listitem')).toHaveCount(5);
  await expect(steps.locator('[data-done="false"]')).toHaveCount(5);
  await expect(page.getByTestId('home-credits')).toHaveText('Nog niet gekoppeld');

  // The shop's details: the link opens their card, and once filled the step says so.
  await steps.getByRole('link', { name: 'Nu doen: Vul uw winkelgegevens in' }).click();
  await expect(page).toHaveURL(/#\/account\?section=shop$/);
  const shop = page.getByTestId('section-shop');
  await expect(shop).toBeFocused();
  await shop.getByLabel('Naam winkel').fill('Bakkerij De Vries');
  await shop.getByLabel('Adres', { exact: true }).fill('Dorpsstraat 1');
  await shop.getByLabel('Postcode').fill('3511 AB');
  await shop.getByLabel('Plaats').fill('Utrecht');
  await shop.getByRole('button', { name: 'Opslaan' }).click();
  await expect(shop.getByRole('status')).toHaveText('Opgeslagen');
  await page.goto(winkelpost.url);
  await expect(steps.locator('[data-step="shop"]')).toHaveAttribute('data-done', 'true');
  await expect(steps.locator('[data-step="shop"]')).toContainText('Gedaan');
});
