import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unwrap } from '../../electron/contract';
import { DAY } from '../../electron/services/core/clock';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/selections');

test('imports a CSV on the Selecties page with consent, shows the report and the list', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/selecties`);
  await expect(page.getByRole('heading', { name: 'Selecties' })).toBeVisible();
  await expect(page.getByText('Er zijn geen selecties gevonden.')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'win1252-semicolon.csv'));

  const panel = page.getByTestId('import-panel');
  await expect(panel.getByTestId('import-file-info')).toContainText('windows-1252');
  await expect(panel.getByTestId('import-counts')).toHaveText(
    '2 klanten worden geïmporteerd. Afgekeurd: 3. Dubbel in het bestand: 1. Staan op de blokkeerlijst: 0.',
  );
  await expect(panel.getByLabel('Gebruiken als: E-mailadres')).toHaveValue('E-mailadres');
  await expect(panel.getByLabel('Gebruiken als: Geboortedatum')).toHaveValue(
    'Extra variabele [[geboortedatum]]',
  );
  const importButton = panel.getByRole('button', { name: 'Importeren' });
  await expect(importButton).toBeDisabled();
  await panel.getByLabel('Omschrijving').fill('Voorjaarsactie 2026');
  await panel.getByLabel(/toestemming hebben gegeven/).check();
  await importButton.click();

  const report = page.getByTestId('import-report');
  await expect(report.getByRole('status')).toHaveText(
    '2 klanten geïmporteerd in "Voorjaarsactie 2026".',
  );
  await report.getByRole('button', { name: 'Afgekeurd (3)' }).click();
  await expect(report.getByRole('cell', { name: 'Geen geldig e-mailadres' })).toBeVisible();
  await expect(
    report.getByRole('cell', {
      name: "Letters met accent vóór de @: veel mailservers weigeren zo'n adres",
    }),
  ).toBeVisible();
  const table = page.getByTestId('selections-table');
  await expect(table.getByRole('row', { name: /Voorjaarsactie 2026/ })).toContainText('2');

  const stored = winkelpost.app.context.database.sqlite
    .prepare('select description, count, consent_confirmed_at as consent from selections')
    .all();
  expect(stored).toEqual([
    { description: 'Voorjaarsactie 2026', count: 2, consent: expect.any(Number) },
  ]);
});

/*
 * The import's rows reach the panel through its progress events (the query cache), and the list is
 * fetched again by the "done" event: both are on screen while the import's own answer is still
 * held back, so neither comes from that answer. And only by that event: the list is asked once.
 */
test("shows the import's progress from its events and refreshes the list when it is done", async ({
  page,
  winkelpost,
}) => {
  let release: () => void = () => undefined;
  const answerHeld = new Promise<void>((resolve) => (release = resolve));
  let imported: () => void = () => undefined;
  const importRan = new Promise<void>((resolve) => (imported = resolve));
  await page.route('**/api/selections.import', async (route) => {
    const response = await route.fetch();
    imported();
    await answerHeld;
    await route.fulfill({ response });
  });
  await page.goto(`${winkelpost.url}/#/selecties`);
  await expect(page.getByText('Er zijn geen selecties gevonden.')).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'kassa-mei.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('email;naam\r\nanna@example.nl;Anna\r\nbram@example.nl;Bram\r\n'),
  });
  const panel = page.getByTestId('import-panel');
  await panel.getByLabel('Omschrijving').fill('Kassa mei');
  await panel.getByLabel(/toestemming hebben gegeven/).check();
  let listAsked = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/selections.list')) listAsked += 1;
  });
  await panel.getByRole('button', { name: 'Importeren' }).click();
  await importRan;

  await expect(panel.getByTestId('import-progress')).toContainText(
    'Bezig met importeren… 2 van 2 regels',
  );
  await expect(
    page.getByTestId('selections-table').getByRole('row', { name: /Kassa mei/ }),
  ).toContainText('2');
  await expect(page.getByTestId('import-report')).toHaveCount(0);

  release();
  await expect(page.getByTestId('import-report').getByRole('status')).toHaveText(
    '2 klanten geïmporteerd in "Kassa mei".',
  );
  await expect(panel).toHaveCount(0);
  // The answer is in and handled (its mutation settled after any refetch it asked for).
  expect(listAsked).toBe(1);
});

test('lets the shopkeeper point out the e-mail column, and refuses a broken file without storing anything', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/selecties`);
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'kassa.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Werk;Privé;Naam\r\nmarijke@bedrijf.nl;marijke@thuis.nl;Marijke\r\n',
      'utf8',
    ),
  });
  const panel = page.getByTestId('import-panel');
  await expect(panel.getByLabel('Gebruiken als: Werk')).toHaveValue('E-mailadres');
  await panel.getByLabel('Gebruiken als: Privé').click();
  await page.getByRole('option', { name: 'E-mailadres' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Twee kolommen worden gebruikt als [[email]]. Kies voor één van beide iets anders.',
  );
  await panel.getByLabel('Gebruiken als: Werk').click();
  await page.getByRole('option', { name: 'Niet importeren' }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByLabel(/toestemming hebben gegeven/).check();
  await panel.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-report').getByRole('status')).toContainText(
    '1 klant geïmporteerd',
  );

  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'picture-renamed.csv'));
  await expect(page.getByTestId('import-panel').getByRole('alert')).toHaveText(
    'Dit bestand is geen tekstbestand met klanten. Kies een CSV- of Excel-bestand (.xlsx) uit uw kassasysteem.',
  );
  const emails = winkelpost.app.context.database.sqlite.prepare('select email from contacts').all();
  expect(emails).toEqual([{ email: 'marijke@thuis.nl' }]);
  await page.getByTestId('import-panel').getByRole('button', { name: 'Annuleren' }).click();

  // Larger than 50 MB: said at once, without sending the file to the app.
  const bigFile = test.info().outputPath('groot.csv');
  writeFileSync(bigFile, Buffer.alloc(51 * 1024 * 1024, 97));
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/selections.')) apiCalls.push(request.url());
  });
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (await chooser).setFiles(bigFile);
  await expect(page.getByRole('alert')).toHaveText(
    'Dit bestand is 51 MB. Het mag hoogstens 50 MB zijn. Maak in uw kassasysteem een kleinere selectie.',
  );
  expect(apiCalls).toEqual([]);
  rmSync(bigFile);
});

test('step 3 shows old selections greyed, saves the choice and shows the recipients', async ({
  page,
  winkelpost,
}) => {
  const { app, clock } = winkelpost;
  const call = async <T>(channel: keyof typeof app.handlers, input: unknown) =>
    unwrap(await app.handlers[channel](input)) as T;
  const csv = (lines: string[]) => Buffer.from(lines.join('\r\n')).toString('base64');
  await call('selections.import', {
    fileName: 'oud.csv',
    dataBase64: csv(['email', 'oud@example.nl']),
    description: 'Kerst vorig jaar',
    consent: true,
  });
  clock.advance(70 * DAY);
  await call('selections.import', {
    fileName: 'nieuw.csv',
    dataBase64: csv(['email;voornaam', 'anna@example.nl;Anna', 'weg@example.nl;Weg']),
    description: 'Nieuwe klanten',
    consent: true,
  });
  app.context.suppression.suppress('weg@example.nl', 'unsubscribed', 'tracker');
  const mailing = await call<{ id: string }>('mailings.create', { type: 'newsletter' });

  await page.goto(`${winkelpost.url}/#/mailings/${mailing.id}/selecties`);
  const step = page.getByTestId('selections-step');
  const old = step.getByRole('checkbox', { name: /Kerst vorig jaar/ });
  await expect(old).toBeDisabled();
  await expect(step.getByText(/Ouder dan 2 maanden/)).toBeVisible();
  // A tick is saved at once, as on every other step: no button to remember before leaving.
  await step.getByRole('checkbox', { name: /Nieuwe klanten/ }).check();
  await expect(step.getByText('Opgeslagen')).toBeVisible();
  const summary = page.getByTestId('recipients-summary');
  await expect(summary.getByRole('status')).toHaveText(
    'Deze mailing gaat naar 1 ontvanger en kost 1 credit.',
  );
  await summary.getByRole('button', { name: 'Op de blokkeerlijst: 1' }).click();
  await expect(summary.getByRole('cell', { name: 'weg@example.nl' })).toBeVisible();
  await expect(summary.getByRole('cell', { name: 'Uitgeschreven' })).toBeVisible();

  await page.reload();
  await expect(
    page.getByTestId('selections-step').getByRole('checkbox', { name: /Nieuwe klanten/ }),
  ).toBeChecked();
});

test('Opnieuw inschrijven: finds an address, blocks another by hand, and erases one after confirmation', async ({
  page,
  winkelpost,
}) => {
  const { app } = winkelpost;
  app.context.suppression.suppress('weg@example.nl', 'unsubscribed', 'tracker', 'via de link');
  await app.handlers['selections.import']({
    fileName: 'k.csv',
    dataBase64: Buffer.from('email\r\nklant@example.nl\r\n').toString('base64'),
    description: 'Klanten',
    consent: true,
  });

  await page.goto(`${winkelpost.url}/#/opnieuw-inschrijven`);
  await page.getByLabel('E-mailadres').fill('Weg@Example.nl');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const status = page.getByTestId('address-status');
  await expect(status.getByTestId('suppression-reason')).toContainText(
    'Geblokkeerd: uitgeschreven',
  );
  await expect(status.getByTestId('suppression-reason')).toContainText('via de link');
  // No account link: re-subscribing says plainly what it needs.
  await status.getByRole('button', { name: 'Opnieuw inschrijven' }).click();
  await expect(status.getByText(/aan uw account is gekoppeld/)).toBeVisible();

  await page.getByLabel('E-mailadres').fill('klant@example.nl');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(status.getByText('Staat in 1 selectie.')).toBeVisible();
  await status.getByLabel(/Reden/).fill('Belde de winkel');
  await status.getByRole('button', { name: 'Blokkeren' }).click();
  await expect(status.getByTestId('suppression-reason')).toContainText(
    'Geblokkeerd: geblokkeerd op verzoek',
  );
  expect(app.context.suppression.isSuppressed('klant@example.nl')).toBe(true);
  await expect(page.getByTestId('suppression-table')).toContainText('klant@example.nl');

  await status.getByRole('button', { name: 'Alle gegevens wissen' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Dit kan niet ongedaan worden gemaakt.');
  await dialog.getByRole('button', { name: 'Ja, wissen' }).click();
  await expect(status.getByRole('status')).toContainText('Regels uit selecties verwijderd: 1.');
  await expect(status.getByTestId('suppression-reason')).toContainText(
    'alleen de blokkade is bewaard',
  );
  await expect(page.getByTestId('suppression-table')).not.toContainText('klant@example.nl');
  const rows = app.context.database.sqlite.prepare('select count(*) as n from contacts').get() as {
    n: number;
  };
  expect(rows.n).toBe(0);
});

test('"Nieuwe selectie(s) ophalen" imports the files of the import folder after the consent tick', async ({
  page,
  winkelpost,
}) => {
  const folder = join(winkelpost.dataDir, 'kassa');
  mkdirSync(folder);
  copyFileSync(join(FIXTURES, 'utf8-semicolon.csv'), join(folder, 'Najaar.csv'));
  copyFileSync(join(FIXTURES, 'picture-renamed.csv'), join(folder, 'foto.csv'));
  winkelpost.app.context.settings.update({ importFolder: folder });

  await page.goto(`${winkelpost.url}/#/selecties`);
  await page.getByRole('button', { name: 'Nieuwe selectie(s) ophalen' }).click();
  const panel = page.getByTestId('fetch-panel');
  await expect(panel).toContainText(folder);
  const fetchButton = panel.getByRole('button', { name: 'Ophalen' });
  await expect(fetchButton).toBeDisabled();
  await panel.getByLabel(/toestemming hebben gegeven/).check();
  await fetchButton.click();
  await expect(panel.getByRole('status')).toContainText('Najaar.csv: 2 klanten geïmporteerd.');
  await expect(panel.getByRole('status')).toContainText(
    'foto.csv is niet geïmporteerd: Dit bestand is geen tekstbestand met klanten.',
  );
  await expect(
    page.getByTestId('selections-table').getByRole('row', { name: /Najaar/ }),
  ).toContainText('2');
  expect(existsSync(join(folder, 'verwerkt', 'Najaar.csv'))).toBe(true);
  expect(existsSync(join(folder, 'mislukt', 'foto.csv.txt'))).toBe(true);
});

test('a workbook with several sheets: says which sheet was read and lets the shop choose another', async ({
  page,
  winkelpost,
}) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Overzicht').addRow(['Export', 'Aantal']);
  const customers = workbook.addWorksheet('Klanten');
  customers.addRow(['E-mail', 'Bedrag waardebon']);
  customers.addRow(['jan@example.nl', 12.5]);
  customers.getColumn(2).numFmt = '"€" #,##0.00';
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto(`${winkelpost.url}/#/selecties`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await (await chooser).setFiles({ name: 'kassa.xlsx', mimeType: 'application/zip', buffer });

  const panel = page.getByTestId('import-panel');
  const picker = panel.getByLabel('Werkblad');
  await expect(picker).toHaveValue('Overzicht');
  await expect(panel.getByText(/Er is geen kolom met e-mailadressen\./)).toBeVisible();
  await picker.selectOption('Klanten');
  await expect(panel.getByTestId('import-counts')).toHaveText(
    '1 klant wordt geïmporteerd. Afgekeurd: 0. Dubbel in het bestand: 0. Staan op de blokkeerlijst: 0.',
  );
  await panel.getByLabel(/toestemming hebben gegeven/).check();
  await panel.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByTestId('import-report').getByRole('status')).toBeVisible();
  const data = winkelpost.app.context.database.sqlite
    .prepare('select data from contacts')
    .pluck()
    .all();
  expect(data).toEqual([JSON.stringify({ waardebon_bedrag: '€ 12,50' })]);
});
