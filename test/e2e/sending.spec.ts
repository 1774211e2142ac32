import { unwrap } from '../../electron/contract';
import { linkTracker, seedMailing } from '../integration/sending/seed';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { startTracker } from '../integration/sync/trackerFixture';
import { expect, test } from './fixtures';
import { fixtureTestApp } from './fixtureTestApp';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('without a mail server: verify a sender with the code from the outbox, test-send, and see why sending waits', async ({
  page,
  winkelpost,
}) => {
  const { handlers } = winkelpost.app;
  await handlers['settings.update']({
    senders: [
      { name: 'Bakkerij Jansen', email: 'nieuws@bakkerij.nl', replyTo: 'info@bakkerij.nl' },
    ],
  });

  // Account: the connection test says there is no server (mails go to the outbox).
  await page.goto(`${winkelpost.url}/#/account`);
  await page.getByTestId('smtp-test').getByRole('button', { name: 'Verbinding testen' }).click();
  await expect(page.getByTestId('smtp-test-result')).toContainText(
    'Er is geen mailserver ingesteld',
  );

  // Sender verification: the code is mailed (to the outbox), read there, and typed in.
  const row = page.getByTestId('sender-row');
  await expect(row).toContainText('Nog niet bevestigd');
  await row.getByRole('button', { name: 'Code versturen' }).click();
  await expect(page.getByText('de mail met de code staat in het postvak uit')).toBeVisible();
  const outbox = page.getByTestId('outbox-section');
  await outbox.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(1);
  await expect(outbox.getByTestId('outbox-entry')).toContainText('Uw Winkelpost-code');
  await outbox.getByRole('button', { name: 'Openen' }).click();
  const message = page.getByTestId('outbox-message');
  await message.getByText('Alleen tekst').click();
  await expect(message).toContainText('Vul deze code in Winkelpost in');
  const code = /\b(\d{6})\b/.exec((await message.textContent()) ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await page.keyboard.press('Escape');

  await row.getByLabel('Code uit de mail').fill('000000' === code ? '111111' : '000000');
  await row.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(row).toContainText('Deze code klopt niet. U kunt het nog 4 keer proberen.');
  await row.getByLabel('Code uit de mail').fill(code!);
  await row.getByRole('button', { name: 'Bevestigen' }).click();
  await expect(row).toContainText('Bevestigd');

  // DKIM: a key is made and its TXT record shown.
  const dkim = page.getByTestId('dkim-section');
  await dkim.getByRole('button', { name: 'Sleutel maken' }).click();
  await expect(dkim.getByTestId('dkim-record')).toContainText('v=DKIM1; k=rsa; p=');
  // Host-only name as most DNS panels want it, and the record as 255-character strings.
  await expect(dkim.getByTestId('dkim-host')).toHaveText(/^wp\d{8}[0-9a-f]{6}\._domainkey$/);
  await expect(dkim.getByTestId('dkim-record-chunks')).toContainText('" "');
  await dkim.getByRole('button', { name: 'DNS controleren' }).click();
  await expect(dkim.getByTestId('dns-report')).toContainText('bakkerij.nl heeft geen SPF-record');

  // Step 5: a test mail to an own address lands in the outbox; the page compares the times.
  const settings = unwrap(await handlers['settings.get']({})) as { senders: { id: string }[] };
  const mailing = unwrap(await handlers['mailings.create']({ type: 'newsletter' })) as {
    id: string;
  };
  await handlers['mailings.update']({
    id: mailing.id,
    patch: { subject: 'Verse stol', topLine: 'Alleen deze week', from: settings.senders[0]!.id },
  });
  await page.goto(`${winkelpost.url}/#/mailings/${mailing.id}/testen`);
  await expect(page.getByTestId('test-freshness')).toContainText(
    'Er is nog geen testmail verstuurd.',
  );
  // A mistyped address is named under its own field, not only in a general message.
  await page.getByLabel('E-mailadres 1').fill('eigenaar@bakkerij');
  await page.getByRole('button', { name: 'Testmail versturen' }).click();
  await expect(page.getByLabel('E-mailadres 1')).toHaveAccessibleDescription(/geldig e-mailadres/);
  await page.getByLabel('E-mailadres 1').fill('eigenaar@bakkerij.nl');
  await page.getByRole('button', { name: 'Testmail versturen' }).click();
  await expect(page.getByTestId('test-results')).toContainText('eigenaar@bakkerij.nl');
  await expect(page.getByTestId('test-results')).toContainText('In het postvak uit gezet');
  // No account linked: the page says what differs from the mail the customers get.
  await expect(page.getByTestId('test-differences')).toContainText('links worden niet gevolgd');
  await expect(page.getByTestId('test-freshness')).toContainText('na de laatste wijziging');

  // Step 6: the checklist explains what is missing; without an account there is no send button.
  await page.goto(`${winkelpost.url}/#/mailings/${mailing.id}/versturen`);
  const checklist = page.getByTestId('checklist');
  await expect(checklist.locator('[data-check="test"]')).toHaveAttribute('data-status', 'ok');
  await expect(checklist.locator('[data-check="from"]')).toHaveAttribute('data-status', 'ok');
  await expect(checklist.locator('[data-check="unsubscribeMail"]')).toContainText(
    'Alleen de afmeldlink in de mail werkt.',
  );
  await expect(checklist.locator('[data-check="selections"]')).toHaveAttribute(
    'data-status',
    'fail',
  );
  await expect(checklist.locator('[data-check="selections"]')).toContainText(
    'Er is nog geen selectie gekoppeld.',
  );
  await expect(
    checklist.locator('[data-check="selections"]').getByRole('link', { name: 'Oplossen' }),
  ).toHaveAttribute('href', `#/mailings/${mailing.id}/selecties`);
  await expect(page.getByTestId('account-needed')).toBeVisible();
  for (const label of [
    'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
    'Ik heb de testmail bekeken en hij ziet er goed uit.',
    'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
  ]) {
    await page.getByLabel(label).check();
  }
  await expect(page.getByTestId('send-button')).toHaveCount(0);
  await expect(page.getByTestId('send-blocked')).toContainText('Los eerst de rode punten op.');

  // Mailings - versturen: nothing scheduled or running.
  await page.goto(`${winkelpost.url}/#/versturen`);
  await expect(page.getByTestId('sending-page')).toContainText(
    'Er zijn nu geen ingeplande of lopende verzendingen.',
  );
});

test('with an account and a mail server: the checklist passes, Versturen sends once, the page shows it done', async ({
  page,
  winkelpost,
}) => {
  const sink = await startSmtpSink();
  const tracker = await startTracker({ credits: 100 });
  try {
    const t = fixtureTestApp(winkelpost);
    await linkTracker(t, tracker);
    const { mailingId } = await seedMailing(t, { smtpPort: sink.port, count: 12 });

    await page.goto(`${winkelpost.url}/#/mailings/${mailingId}/versturen`);
    const checklist = page.getByTestId('checklist');
    await expect(checklist.locator('[data-check="credits"]')).toHaveAttribute('data-status', 'ok');
    await expect(checklist.locator('[data-status="fail"]')).toHaveCount(0);
    await expect(page.getByTestId('send-button')).toHaveCount(0);
    for (const label of [
      'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
      'Ik heb de testmail bekeken en hij ziet er goed uit.',
      'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
    ]) {
      await page.getByLabel(label).check();
    }
    // A later moment is written out in Dutch under the field, whatever format the browser uses.
    await page.getByLabel('Op een later moment').check();
    await expect(page.getByLabel('Datum en tijd')).toHaveAccessibleDescription(
      /^Versturen op (maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}$/,
    );
    await page.getByLabel('Nu', { exact: true }).check();
    // Versturen asks first; a double click on the confirmation starts one send.
    await page.getByTestId('send-button').click();
    const confirm = page.getByRole('dialog', { name: 'Mailing versturen' });
    await expect(confirm).toContainText(
      "Verstuur 'Nieuw in de winkel: verse stol' nu naar 12 klanten voor 12 credits?",
    );
    await confirm.getByRole('button', { name: 'Versturen' }).dblclick();
    await expect(page.getByTestId('send-progress')).toHaveAttribute('data-state', 'finished', {
      timeout: 30_000,
    });
    await expect(page.getByTestId('send-counts')).toContainText('12 van 12 verstuurd');
    // The "Online versie" link in the mails works: the page says so.
    await expect(page.getByTestId('web-version')).toHaveText(
      'De online versie van deze mailing staat klaar.',
    );
    // The note that the send is done appears on the page the shopkeeper is on (here step 6).
    await expect(page.getByText('Verzending klaar')).toBeVisible();
    expect(sink.received).toHaveLength(12);
    expect(new Set(sink.received.flatMap((m) => m.to)).size).toBe(12);

    await page.goto(`${winkelpost.url}/#/versturen`);
    await expect(page.getByTestId('send-progress')).toHaveAttribute('data-state', 'finished');

    // Step 3 of the sent mailing tells whom it went to, not whom it would go to now (nobody: all
    // were mailed minutes ago), and offers nothing to change.
    await page.goto(`${winkelpost.url}/#/mailings/${mailingId}/selecties`);
    await expect(page.getByTestId('selections-sent')).toHaveText(
      /^Deze mailing is verstuurd naar 12 ontvangers\./,
    );
    const step = page.getByTestId('selections-step');
    await expect(step.getByRole('checkbox')).toHaveCount(1);
    await expect(step.getByRole('checkbox')).toBeDisabled();
    await expect(step.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
  } finally {
    await sink.close();
    await tracker.close();
  }
});
