import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { backupIfDue } from '../../db/backups';
import { expect, test } from './fixtures';

test('the manual shows the six steps of a mailing in Dutch and in English', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/handleiding`);
  await expect(page.getByRole('heading', { name: 'Handleiding', level: 1 })).toBeVisible();
  for (const step of ['Stap 1: Inhoud', 'Stap 3: Selecties', 'Stap 6: Versturen']) {
    await expect(page.getByRole('heading', { name: step })).toBeVisible();
  }
  await expect(page.getByTestId('manual-support')).toContainText('support@winkelpost.nl');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Manual', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Step 6: Send' })).toBeVisible();
});

test.describe('a reseller brand', () => {
  test.use({ branding: 'kassapartner' });

  test('the manual shows its helpdesk and its own pages', async ({ page, winkelpost }) => {
    await page.goto(`${winkelpost.url}/#/handleiding`);
    const support = page.getByTestId('manual-support');
    await expect(support).toContainText('Helpdesk van Kassapost');
    await expect(support).toContainText('helpdesk@kassapartner.example');
    await expect(support).toContainText('030 123 45 67');
    for (const [name, url] of [
      ['De handleiding op de website', 'https://kassapartner.example/winkelpost/handleiding'],
      ['Creditbundels en prijzen', 'https://kassapartner.example/winkelpost/bundels'],
      ['Credits bestellen', 'https://kassapartner.example/winkelpost/credits'],
    ] as const) {
      await expect(support.getByRole('link', { name })).toHaveAttribute('href', url);
    }
  });

  test('the mail server starts filled in with its relay, user and password left to the shop', async ({
    page,
    winkelpost,
  }) => {
    await page.goto(`${winkelpost.url}/#/account`);
    const smtp = page.getByTestId('section-smtp');
    await expect(smtp.getByLabel('Server', { exact: true })).toHaveValue(
      'smtp.kassapartner.example',
    );
    await expect(smtp.getByLabel('Poort', { exact: true })).toHaveValue('587');
    await expect(smtp.getByLabel('Gebruikersnaam', { exact: true })).toHaveValue('');
    await expect(smtp.getByText('Er is nog geen wachtwoord opgeslagen.')).toBeVisible();
    await expect(smtp.getByTestId('smtp-relay-hint')).toHaveText(
      'De server is al voor u ingevuld door Kassapost. Vul alleen uw gebruikersnaam en wachtwoord in.',
    );
  });
});

test.describe('on the first start', () => {
  test.use({ firstStart: true });

  test('every page leads to the agreements until they are accepted once, then they show as accepted', async ({
    page,
    winkelpost,
  }) => {
    await page.goto(`${winkelpost.url}/#/account`);
    await expect(page).toHaveURL(/#\/overeenkomsten\?na=%2Faccount$/);
    // The page says why the shop came here instead of where it clicked.
    await expect(page.getByTestId('agreements-first')).toContainText(
      'Lees en accepteer eerst de overeenkomsten hieronder',
    );
    await expect(
      page.getByRole('heading', { name: 'Gebruiksvoorwaarden', level: 3 }),
    ).toBeVisible();
    await page.getByRole('tab', { name: 'Verwerkersovereenkomst' }).click();
    await expect(page.getByTestId('agreement-processing')).toContainText('verwerker');
    await page.getByRole('tab', { name: 'Gedragscode' }).click();
    await expect(page.getByTestId('agreement-conduct')).toContainText('48 uur');

    const accept = page.getByRole('button', { name: 'Akkoord' });
    await expect(accept).toBeDisabled();
    await page.getByRole('checkbox').check();
    await accept.click();
    // On to the page the shop asked for.
    await expect(page).toHaveURL(/#\/account$/);
    await expect(page.getByTestId('section-shop')).toBeVisible();

    await page.goto(`${winkelpost.url}/#/overeenkomsten`);
    await expect(page.getByTestId('agreements-accepted')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Akkoord' })).toHaveCount(0);
    const stored = winkelpost.app.context.kv.get<{ version: string }>('desktop.agreements');
    expect(stored?.version).toBeTruthy();
    await page.goto(`${winkelpost.url}/#/account`);
    await expect(page.getByTestId('section-shop')).toBeVisible();
    await expect(page).toHaveURL(/#\/account$/);
  });
});

test('account lists the daily backups and schedules a restore; desktop options say they need the app', async ({
  page,
  winkelpost,
}) => {
  const backups = join(winkelpost.dataDir, 'backups');
  winkelpost.clock.advance(24 * 60 * 60 * 1000);
  const file = await backupIfDue(
    winkelpost.app.context.database.sqlite,
    backups,
    winkelpost.clock.now(),
  );
  // The backup is dated by its file time; keep it after anything the test app wrote.
  utimesSync(file!, new Date(), new Date());

  await page.goto(`${winkelpost.url}/#/account`);
  const section = page.getByTestId('section-backups');
  await expect(section.getByRole('row')).toHaveCount(3); // header + two daily backups
  await expect(page.getByTestId('section-desktop')).toContainText('alleen voor de geïnstalleerde');
  // Browser mode: no login item to offer; the notification switch is shown but disabled.
  await expect(page.getByTestId('section-desktop').getByRole('switch')).toHaveCount(1);
  await expect(page.getByTestId('section-desktop').getByRole('switch')).toBeDisabled();

  await section.getByRole('button', { name: 'Terugzetten' }).first().click();
  await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
  await expect(section.getByRole('status')).toContainText('start het opnieuw');
  await expect(section.getByText(/wordt teruggezet zodra/)).toHaveCount(0);
});
