import { unwrap } from '../../electron/contract';
import { blockingViolations } from './a11yScan';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

const EXPORT = [
  'email;naam;spaarpunten;woonplaats',
  'anna@example.nl;Anna;1.250;Utrecht',
  'bram@example.nl;Bram;500;Utrecht',
  'cor@example.nl;Cor;499;Zeist',
  'dien@example.nl;Dien;;Amersfoort',
  'eva@example.nl;Eva;20;Houten',
];

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('step 3 narrows the selection with conditions, the count and credits follow live, and a saved segment is reused', async ({
  page,
  winkelpost,
}) => {
  const { app } = winkelpost;
  const call = async <T>(channel: keyof typeof app.handlers, input: unknown) =>
    unwrap(await app.handlers[channel](input)) as T;
  const imported = await call<{ selectionId: string }>('selections.import', {
    fileName: 'kassa.csv',
    dataBase64: Buffer.from(EXPORT.join('\r\n')).toString('base64'),
    description: 'Kassa december',
    consent: true,
  });
  const mailingWithSelection = async () => {
    const mailing = await call<{ id: string }>('mailings.create', { type: 'voucher' });
    await call('mailings.setSelections', { id: mailing.id, selectionIds: [imported.selectionId] });
    return mailing.id;
  };
  const first = await mailingWithSelection();

  await page.goto(`${winkelpost.url}/#/mailings/${first}/selecties`);
  const count = page.getByTestId('recipients-summary').getByRole('status');
  await expect(count).toHaveText('Deze mailing gaat naar 5 ontvangers en kost 10 credits.');

  const editor = page.getByTestId('segment-editor');
  await editor.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
  await choose(page, 'Kolom (voorwaarde 1)', 'waardebon_spaarpunten (getal)');
  await expect(editor.getByText(/Vul een getal in/)).toBeVisible();
  await editor.getByRole('textbox', { name: 'Waarde (voorwaarde 1)', exact: true }).fill('500');
  await expect(count).toHaveText('Deze mailing gaat naar 2 ontvangers en kost 4 credits.');
  await expect(page.getByText(/Buiten het segment: 3 klanten/)).toBeVisible();

  await editor.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
  await choose(page, 'Kolom (voorwaarde 2)', 'woonplaats (tekst)');
  await editor.getByRole('textbox', { name: 'Waarde (voorwaarde 2)', exact: true }).fill('zeist');
  await expect(count).toHaveText('Deze mailing gaat naar 0 ontvangers en kost 0 credits.');
  await editor.getByText('een van de voorwaarden').click();
  await expect(count).toHaveText('Deze mailing gaat naar 3 ontvangers en kost 6 credits.');
  expect(await blockingViolations(page, 'step selecties + segment')).toEqual([]);

  await editor.getByLabel('Naam van het segment').fill('Spaarders of Zeist');
  await editor.getByRole('button', { name: 'Segment opslaan' }).click();
  await expect(editor.getByRole('status')).toHaveText(/Opgeslagen als "Spaarders of Zeist"/);

  // Applied as typed: after a reload the conditions and the count are still there.
  await page.reload();
  await expect(page.getByTestId('recipients-summary').getByRole('status')).toHaveText(
    'Deze mailing gaat naar 3 ontvangers en kost 6 credits.',
  );
  await expect(
    page.getByRole('textbox', { name: 'Waarde (voorwaarde 1)', exact: true }),
  ).toHaveValue('500');

  const second = await mailingWithSelection();
  await page.goto(`${winkelpost.url}/#/mailings/${second}/selecties`);
  await expect(page.getByTestId('recipients-summary').getByRole('status')).toHaveText(
    'Deze mailing gaat naar 5 ontvangers en kost 10 credits.',
  );
  await choose(page, 'Opgeslagen segment gebruiken', 'Spaarders of Zeist');
  await expect(page.getByTestId('recipients-summary').getByRole('status')).toHaveText(
    'Deze mailing gaat naar 3 ontvangers en kost 6 credits.',
  );
});
