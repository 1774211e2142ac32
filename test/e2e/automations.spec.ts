import { join } from 'node:path';
import { until } from '../integration/sending/seed';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { startTracker } from '../integration/sync/trackerFixture';
import {
  dropTillFile,
  local,
  prepareVoucherMailing,
  tillRow,
} from '../integration/automations/tillSetup';
import { blockingViolations } from './a11yScan';
import { expect, test } from './fixtures';
import { fixtureTestApp } from './fixtureTestApp';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('sets up vouchers from the till: choose the mailing, activate, and read the log of a file that arrived', async ({
  page,
  winkelpost,
}) => {
  const sink = await startSmtpSink();
  const tracker = await startTracker();
  try {
    const t = fixtureTestApp(winkelpost);
    // Monday 10:00 on the shop's clock: inside the window 09:00–20:00 on working days.
    winkelpost.clock.set(local(7, 10, 0));
    const folder = join(winkelpost.dataDir, 'kassa');
    await prepareVoucherMailing(t, { tracker, smtpPort: sink.port, importFolder: folder });

    await page.goto(`${winkelpost.url}/#/mailings`);
    await page.getByRole('navigation').getByRole('link', { name: 'Automatisch' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Automatisch');
    await expect(page.getByText('Er is nog geen automatische waardebon.')).toBeVisible();
    const found: string[] = [];
    const scan = async (where: string) => found.push(...(await blockingViolations(page, where)));
    await scan('/automatisch');

    await page.getByRole('button', { name: 'Nieuwe automatische waardebon' }).click();
    const form = page.getByTestId('automation-form');
    await expect(form).toBeVisible();
    await scan('/automatisch + form');
    await form.getByRole('combobox', { name: 'Waardebon-mailing' }).click();
    await page.getByRole('option', { name: 'Je waardebon van Bakkerij Jansen' }).click();
    await expect(form.getByLabel('Welke bestanden')).toHaveValue('waardebon*');
    await form.getByLabel('Hoogstens ontvangers per keer').fill('20');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    // Saving a new one goes on to activation, which wants every manual item.
    const dialog = page.getByTestId('activate-dialog');
    await expect(dialog).toContainText('per keer hoogstens 20 ontvangers en 1000 credits');
    const activate = dialog.getByRole('button', { name: 'Activeren' });
    await scan('/automatisch + activation');
    await expect(activate).toBeDisabled();
    for (const label of [
      'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
      'Ik heb de testmail bekeken en hij ziet er goed uit.',
      'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
    ]) {
      await dialog.getByLabel(label).check();
    }
    await activate.click();
    const row = page.getByTestId('automation-row');
    await expect(row).toContainText('Actief');
    await expect(row).toContainText('Nog niet');

    // The till drops an export; the next tick sends it and the page follows the event.
    dropTillFile(
      folder,
      'waardebon-week.csv',
      [tillRow(1, 'W1'), tillRow(2, 'W2')],
      winkelpost.clock.now(),
    );
    await winkelpost.app.automations.tick();
    await until(
      'two vouchers',
      () => sink.received.length,
      (n) => n === 2,
    );
    await expect(row).toContainText('2 verstuurd');

    await row.getByRole('button', { name: 'Logboek: Waardebonnen uit de kassa' }).click();
    const log = page.getByTestId('run-log');
    const run = log.getByTestId('run-row');
    await expect(run).toContainText('waardebon-week.csv');
    await expect(run).toContainText('Klaar');
    // The app-wide "Verzending klaar" note may still be open: it is scanned too.
    await scan('/automatisch + log');
    await expect(
      run.getByRole('link', { name: 'Statistieken van waardebon-week.csv' }),
    ).toHaveAttribute('href', /#\/statistieken\//);
    await log.getByRole('button', { name: 'Sluiten' }).click();

    // Pausing is one click, and says who paused it.
    await row.getByRole('button', { name: 'Pauzeren: Waardebonnen uit de kassa' }).click();
    await expect(row).toContainText('U heeft deze automatische mailing gepauzeerd.');
    expect(found, found.join('\n')).toEqual([]);
  } finally {
    await sink.close();
    await tracker.close();
  }
});

test('sets up a birthday mailing: choose any mailing and the daily time, then activate', async ({
  page,
  winkelpost,
}) => {
  const sink = await startSmtpSink();
  const tracker = await startTracker();
  try {
    const t = fixtureTestApp(winkelpost);
    winkelpost.clock.set(local(7, 8, 0));
    const mailingId = await prepareVoucherMailing(t, {
      tracker,
      smtpPort: sink.port,
      importFolder: join(winkelpost.dataDir, 'kassa'),
    });
    await t.call('mailings.update', { id: mailingId, patch: { subject: 'Gefeliciteerd!' } });
    winkelpost.app.context.mailings.markTested(mailingId, winkelpost.clock.now() + 1);
    winkelpost.clock.advance(1000);

    await page.goto(`${winkelpost.url}/#/automatisch`);
    const section = page.getByRole('region', { name: 'Verjaardagen' });
    await expect(section).toContainText('Er is nog geen verjaardagsmailing.');
    await section.getByRole('button', { name: 'Nieuwe verjaardagsmailing' }).click();
    const form = page.getByTestId('automation-form');
    await expect(form.getByLabel('Welke bestanden')).toHaveCount(0);
    await form.getByRole('combobox', { name: 'Mailing' }).click();
    await page.getByRole('option', { name: 'Gefeliciteerd!' }).click();
    await form.getByLabel('Elke dag om').fill('10:30');
    await form.getByRole('button', { name: 'Opslaan' }).click();

    const dialog = page.getByTestId('activate-dialog');
    await expect(dialog).toContainText('elke dag om 10:30 deze mailing');
    for (const label of [
      'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
      'Ik heb de testmail bekeken en hij ziet er goed uit.',
      'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
    ]) {
      await dialog.getByLabel(label).check();
    }
    await dialog.getByRole('button', { name: 'Activeren' }).click();
    await expect(section.getByTestId('automation-row')).toContainText('Actief');
    const [saved] = await t.call('automations.list', {});
    expect(saved).toMatchObject({ kind: 'birthday', settings: { runAt: '10:30' } });
  } finally {
    await sink.close();
    await tracker.close();
  }
});
