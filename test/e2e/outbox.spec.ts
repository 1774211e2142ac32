import sharp from 'sharp';
import { unwrap } from '../../electron/contract';
import { newBlock } from '../../electron/services/render/document';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

test('without a mail server, a test mail lands in the outbox and the viewer shows its HTML, text and headers', async ({
  page,
  winkelpost,
}) => {
  const call = async <T>(channel: keyof typeof winkelpost.app.handlers, input: unknown) =>
    unwrap(await winkelpost.app.handlers[channel](input as never)) as T;
  const settings = await call<{ senders: { id: string }[] }>('settings.update', {
    senders: [
      { name: 'Bakkerij Jansen', email: 'nieuws@bakkerij.nl', replyTo: 'info@bakkerij.nl' },
    ],
  });
  const mailing = await call<{ id: string; document: { blocks: unknown[] } }>('mailings.create', {
    type: 'newsletter',
  });
  const png = await sharp({
    create: { width: 320, height: 160, channels: 3, background: '#d2691e' },
  })
    .png()
    .toBuffer();
  const photo = await call<{ id: string }>('images.add', {
    mailingId: mailing.id,
    fileName: 'stol.png',
    dataBase64: png.toString('base64'),
  });
  const heading = newBlock('heading', 'kop');
  const image = newBlock('image', 'foto');
  await call('mailings.update', {
    id: mailing.id,
    patch: {
      subject: 'Verse stol',
      topLine: 'Alleen deze week',
      from: settings.senders[0]!.id,
      document: {
        ...mailing.document,
        blocks: [
          { ...heading, data: { ...heading.data, text: 'Verse stol voor [[voornaam|u]]' } },
          { ...image, data: { ...image.data, imageId: photo.id, alt: 'Een verse stol' } },
        ],
      },
    },
  });
  const sent = await call<{ results: { outboxFile: string | null }[] }>('send.test', {
    mailingId: mailing.id,
    to: ['eigenaar@bakkerij.nl'],
  });
  expect(sent.results[0]!.outboxFile).toMatch(/\.eml$/);

  await page.goto(`${winkelpost.url}/#/account`);
  const outbox = page.getByTestId('outbox-section');
  await expect(outbox.getByTestId('outbox-entry')).toHaveCount(1);
  await outbox.getByRole('button', { name: 'Openen' }).click();
  const message = page.getByTestId('outbox-message');
  const summary = message.getByTestId('outbox-summary');
  await expect(summary).toContainText('Van: "Bakkerij Jansen" <nieuws@bakkerij.nl>');
  await expect(summary).toContainText('Aan: eigenaar@bakkerij.nl');
  await expect(summary).toContainText('Onderwerp: Verse stol');
  await expect(summary).toContainText('Datum:');

  // The HTML part, as the customer sees it: in a frame without scripts, the inline photo loaded.
  const frame = message.getByTestId('outbox-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  const mail = page.frameLocator('[data-testid="outbox-frame"]');
  await expect(mail.getByText('Verse stol voor Jan')).toBeVisible();
  const photoInMail = mail.getByAltText('Een verse stol');
  await expect(photoInMail).toBeVisible();
  await expect
    .poll(() => photoInMail.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // The text part and the headers are a switch away.
  await message.getByText('Alleen tekst').click();
  await expect(message.getByTestId('outbox-text')).toContainText('Verse stol voor Jan');
  await expect(frame).toHaveCount(0);
  await message.getByText('Kopregels').click();
  const headers = message.getByTestId('outbox-headers');
  await expect(headers).toContainText('Message-ID');
  await expect(headers).toContainText('List-Unsubscribe');
  await message.getByText('Zoals de klant hem ziet').click();
  await expect(mail.getByText('Verse stol voor Jan')).toBeVisible();
});
