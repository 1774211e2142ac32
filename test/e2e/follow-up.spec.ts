import { seedSentMailing } from '../integration/sync/seed';
import { blockingViolations } from './a11yScan';
import { expect, test } from './fixtures';

const DAY = 24 * 60 * 60 * 1000;

/*
 * A mailing sent an hour ago to three customers (its selection attached, as after a real send);
 * the shop plans a second chance from its statistics and sees it listed with the expected count.
 */
test('schedule a second chance for non-openers from the statistics of a sent mailing', async ({
  page,
  winkelpost,
}) => {
  const { app, clock } = winkelpost;
  const sqlite = app.context.database.sqlite;
  const sentAt = clock.now() - 60 * 60 * 1000;
  seedSentMailing(sqlite, {
    mailingId: 'm-herfst',
    subject: 'Herfstcollectie binnen',
    count: 3,
    sentAt,
  });
  const lines = [
    'email;naam',
    'klant0@example.nl;Klant 0',
    'klant1@example.nl;Klant 1',
    'klant2@example.nl;Klant 2',
  ];
  const imported = await app.handlers['selections.import']({
    fileName: 'klanten.csv',
    dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    description: 'Vaste klanten',
    consent: true,
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const { selectionId } = imported.value as { selectionId: string };
  sqlite
    .prepare('insert into mailing_selections (mailing_id, selection_id) values (?, ?)')
    .run('m-herfst', selectionId);

  await page.goto(`${winkelpost.url}/#/statistieken/m-herfst`);
  const action = page.getByRole('button', { name: 'Tweede kans voor niet-openers' });
  await expect(action).toBeVisible();
  expect(await blockingViolations(page, 'statistics of a sent mailing')).toEqual([]);
  await action.click();
  const dialog = page.getByTestId('follow-up-dialog');
  await dialog.getByLabel('Aantal dagen na het versturen').fill('4');
  await expect(dialog.getByTestId('follow-up-estimate')).toContainText(
    'Naar verwachting 3 ontvangers, 3 credits.',
  );
  const plan = dialog.getByRole('button', { name: 'Tweede kans inplannen' });
  await dialog.getByLabel('Onderwerp van de tweede kans').fill('Nog even: de herfstcollectie');
  await expect(plan).toBeDisabled();
  for (const check of await dialog.getByRole('checkbox').all()) await check.check();
  expect(await blockingViolations(page, 'second chance dialog')).toEqual([]);
  await plan.click();

  const confirm = page.getByTestId('follow-up-confirm');
  await expect(confirm).toContainText('naar verwachting 3 ontvangers');
  await confirm.getByRole('button', { name: 'Ja, inplannen' }).click();
  await expect(page.getByTestId('follow-up-panel')).toContainText('Tweede kans ingepland voor');
  await expect(page.getByRole('button', { name: 'Tweede kans voor niet-openers' })).toHaveCount(0);

  const row = sqlite
    .prepare(
      'select days, subject, due_at as dueAt, state from follow_ups where original_mailing_id = ?',
    )
    .get('m-herfst');
  expect(row).toEqual({
    days: 4,
    subject: 'Nog even: de herfstcollectie',
    dueAt: sentAt + 4 * DAY,
    state: 'planned',
  });

  // The Automatisch page lists every second chance.
  await page.goto(`${winkelpost.url}/#/automatisch`);
  const section = page.getByTestId('follow-ups-section');
  await expect(section).toContainText('Nog even: de herfstcollectie');
  await expect(section).toContainText('3 verwacht');
  await expect(section).toContainText('Ingepland');
  expect(await blockingViolations(page, 'automatisch with second chances')).toEqual([]);

  // Called off while still planned: the action is offered again.
  await section.getByRole('link', { name: 'Herfstcollectie binnen' }).click();
  await page.getByRole('button', { name: 'Tweede kans annuleren' }).click();
  await expect(page.getByRole('button', { name: 'Tweede kans voor niet-openers' })).toBeVisible();
  expect(
    sqlite
      .prepare('select state from follow_ups where original_mailing_id = ?')
      .pluck()
      .get('m-herfst'),
  ).toBe('cancelled');
});
