import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unwrap } from '../../electron/contract';
import { RESOURCES_DIR } from '../../electron/paths';
import type { TestApp } from '../helpers/testApp';
import { linkTracker, recipientAddress, shopSettings } from '../integration/sending/seed';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { fetchPixel, startTracker } from '../integration/sync/trackerFixture';
import { expect, test } from './fixtures';

const LOGO = join(RESOURCES_DIR, 'branding/icons/kassapartner-logo.png');
const MANUAL_CHECKS = [
  'Alle ontvangers hebben toestemming gegeven om deze mail te krijgen.',
  'Ik heb de testmail bekeken en hij ziet er goed uit.',
  'De inhoud klopt en is niet misleidend (prijzen, voorwaarden, geldigheid).',
];
const screenshots = process.env.FIRST_MAILING_SCREENSHOTS;

test.afterEach(async ({ context }) => {
  await context.close();
});

/**
 * A new shop's first voucher mailing, as the shopkeeper walks it: copy BASIS - waardebon, set the
 * logo on the account page, and at Versturen meet the placeholder logo, the customers without a
 * barcode, and the question before credits are spent.
 */
test('BASIS - waardebon: placeholder logo and missing barcodes fail, Versturen asks first, statistics in Dutch', async ({
  page,
  winkelpost,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const sink = await startSmtpSink();
  const tracker = await startTracker({ credits: 100 });
  try {
    const { app, clock } = winkelpost;
    const call = async <T>(channel: string, input: unknown): Promise<T> =>
      unwrap(await app.handlers[channel as 'settings.get'](input as never)) as T;
    await linkTracker({ app } as unknown as TestApp, tracker);
    const view = await call<{ senders: { id: string }[] }>(
      'settings.update',
      shopSettings(sink.port),
    );
    app.context.settings.markSenderVerified(view.senders[0]!.id, true);

    // Copy BASIS - waardebon: the one verified sender is filled in at once.
    await page.goto(`${winkelpost.url}/#/mailings`);
    await page.getByRole('button', { name: 'Kopieer BASIS - waardebon' }).click();
    await expect(page).toHaveURL(/#\/mailings\/[^/]+\/algemeen$/);
    const mailingId = /#\/mailings\/([^/]+)\//.exec(page.url())![1]!;
    await page.getByLabel('Onderwerp').fill('Jouw waardebon');
    // A voucher's top line is asked for by the checklist: the field says so before anything fails.
    await expect(page.getByLabel('Voorregel')).toHaveAttribute('required');
    await page.getByLabel('Voorregel').fill('Een cadeautje voor [[voornaam|u]]');
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
    const copied = await call<{ from: string; replyTo: string }>('mailings.get', { id: mailingId });
    expect(copied).toMatchObject({ from: view.senders[0]!.id, replyTo: 'info@bakkerij.nl' });

    // The shop's logo, set once on the account page.
    await page.goto(`${winkelpost.url}/#/account`);
    const identity = page.getByTestId('section-identity');
    await expect(identity.getByTestId('identity-no-logo')).toBeVisible();
    await identity.locator('input[type="file"]').setInputFiles(LOGO);
    await expect(identity.getByRole('status')).toContainText('Uw logo is bewaard');
    await expect(identity.getByTestId('identity-logo')).toBeVisible();

    // Customers from the till: two of three exports lack the barcode.
    const rows = ['email;naam;voornaam;waardebon_barcode;waardebon_bedrag'];
    rows.push(`${recipientAddress(0)};Anna de Vries;Anna;8712345678906;10,50`);
    rows.push(`${recipientAddress(1)};Bram Smit;Bram;;10,50`);
    rows.push(`${recipientAddress(2)};Cor Bakker;Cor;;10,50`);
    // Attaches the rows as the mailing's only selection, then a test mail after the change.
    const useSelection = async (description: string) => {
      const imported = await call<{ selectionId: string }>('selections.import', {
        fileName: 'waardebonnen.csv',
        dataBase64: Buffer.from(rows.join('\n')).toString('base64'),
        description,
        consent: true,
      });
      await call('mailings.setSelections', { id: mailingId, selectionIds: [imported.selectionId] });
      app.context.mailings.markTested(mailingId, clock.now() + 1);
      clock.advance(1000);
    };
    await useSelection('Waardebonnen december');

    await page.goto(`${winkelpost.url}/#/mailings/${mailingId}/versturen`);
    const checklist = page.getByTestId('checklist');
    const placeholder = checklist.locator('[data-check="placeholder"]');
    await expect(placeholder).toHaveAttribute('data-status', 'fail');
    await expect(placeholder).toContainText("toont nog het voorbeeldlogo 'JOUW LOGO'");
    await expect(placeholder.getByRole('link', { name: 'Oplossen' })).toHaveAttribute(
      'href',
      `#/mailings/${mailingId}/inhoud`,
    );
    const codes = checklist.locator('[data-check="voucherCodes"]');
    await expect(codes).toHaveAttribute('data-status', 'fail');
    await expect(codes).toContainText('Bij 2 klanten ontbreekt [[waardebon_barcode]]');
    await expect(codes).toContainText(
      'Bram Smit (klant00001@example.nl), Cor Bakker (klant00002@example.nl)',
    );
    // Every status is an icon and a whole word, never a clipped badge.
    await expect(checklist.locator('[data-check="subject"]')).toContainText('In orde');
    await expect(placeholder).toContainText('Niet in orde');
    if (screenshots) await checklist.screenshot({ path: join(screenshots, 'checklist.png') });
    await expect(page.getByTestId('send-blocked')).toBeVisible();

    // The shop fixes both: its logo in the logo block, an export with every barcode.
    const logo = await call<{ id: string }>('images.add', {
      mailingId,
      fileName: 'logo.png',
      dataBase64: readFileSync(LOGO).toString('base64'),
    });
    const mailing = await call<{ document: { blocks: { type: string; data: object }[] } }>(
      'mailings.get',
      { id: mailingId },
    );
    await call('mailings.update', {
      id: mailingId,
      patch: {
        document: {
          ...mailing.document,
          blocks: mailing.document.blocks.map((b) =>
            b.type === 'logo' ? { ...b, data: { ...b.data, imageId: logo.id } } : b,
          ),
        },
      },
    });
    rows[2] = `${recipientAddress(1)};Bram Smit;Bram;8712345678913;10,50`;
    rows[3] = `${recipientAddress(2)};Cor Bakker;Cor;8712345678920;10,50`;
    await useSelection('Waardebonnen december (compleet)');

    await page.getByRole('button', { name: 'Opnieuw controleren' }).click();
    await expect(placeholder).toHaveAttribute('data-status', 'ok');
    await expect(codes).toHaveAttribute('data-status', 'ok');
    await expect(checklist.locator('[data-status="fail"]')).toHaveCount(0);
    await expect(
      page.getByText('Deze mailing gaat naar 3 ontvangers en kost 6 credits.'),
    ).toBeVisible();
    for (const label of MANUAL_CHECKS) await page.getByLabel(label).check();

    // Versturen asks first; Annuleren sends nothing.
    await page.getByTestId('send-button').click();
    const confirm = page.getByRole('dialog', { name: 'Mailing versturen' });
    await expect(confirm).toContainText(
      "Verstuur 'Jouw waardebon' nu naar 3 klanten voor 6 credits?",
    );
    await expect(confirm).toContainText('U heeft nu 100 credits; daarna blijven er 94 over.');
    if (screenshots) {
      // The dialog fades in: wait for Mantine's transitions so the picture shows it as read.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await page.screenshot({ path: join(screenshots, 'confirm.png') });
    }
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await expect(confirm).toBeHidden();
    expect(await call('send.status', { mailingId })).toBeNull();
    expect(sink.received).toHaveLength(0);

    // Confirmed: it goes out, once.
    await page.getByTestId('send-button').click();
    await confirm.getByRole('button', { name: 'Versturen' }).click();
    await expect(page.getByTestId('send-progress')).toHaveAttribute('data-state', 'finished', {
      timeout: 30_000,
    });
    expect(sink.received).toHaveLength(3);

    // One of three opens: Statistieken says 33,3%, the Dutch way.
    const jobs = app.context.database.sqlite
      .prepare('select recipient_id as id from send_jobs where mailing_id = ? order by id')
      .all(mailingId) as { id: string }[];
    await fetchPixel(tracker, tracker.token('open', mailingId, jobs[0]!.id));
    await page.getByRole('banner').getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect(page.getByTestId('sync-status')).toHaveText(/^Bijgewerkt/);
    await page.goto(`${winkelpost.url}/#/statistieken`);
    await page.getByRole('link', { name: 'Jouw waardebon' }).click();
    await expect(page.getByTestId('opened-count')).toHaveText('1');
    await expect(page.getByTestId('opened-table')).toContainText('33,3%');
    await expect(page.getByTestId('opened-table')).not.toContainText('33.3%');
  } finally {
    await sink.close();
    await tracker.close();
  }
});
