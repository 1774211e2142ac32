import { blockingViolations, openRoute, seedSendable, seedShop } from './a11yScan';
import { expect, test } from './fixtures';
import { startSmtpSink } from '../integration/sending/smtpSink';
import { startTracker } from '../integration/sync/trackerFixture';

test.afterEach(async ({ context }) => {
  await context.close();
});

const STEPS = ['inhoud', 'algemeen', 'selecties', 'preview', 'testen', 'versturen'];
const PAGES = [
  '/',
  '/versturen',
  '/archief',
  '/statistieken',
  '/selecties',
  '/opnieuw-inschrijven',
  '/account',
  '/credits',
  '/overeenkomsten',
  '/handleiding',
  '/bestaat-niet',
];

// Electron's smallest window and a common laptop; the UI in Dutch and in English. One page per
// combination walks every route, so the suite loads the app four times, not eighty.
for (const width of [960, 1366]) {
  for (const language of ['nl', 'en'] as const) {
    test(`axe finds nothing critical or serious on any page, step or dialog (${language}, ${width} px)`, async ({
      page,
      winkelpost,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: 800 });
      const { mailingId } = await seedShop(winkelpost, language);
      const found: string[] = [];
      const scan = async (where: string) => found.push(...(await blockingViolations(page, where)));

      await page.goto(`${winkelpost.url}/#/mailings`);
      await expect(page.locator('main [data-page-heading]')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await scan('/mailings');
      await page.getByRole('button', { name: /Voeg een mailing toe|Add a mailing/ }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await scan('/mailings + add mailing dialog');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      for (const step of STEPS) {
        await openRoute(page, `/mailings/${mailingId}/${step}`);
        await scan(`step ${step}`);
      }

      await openRoute(page, `/mailings/${mailingId}/inhoud`);
      await page.getByTestId('insert-slot').first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await scan('step inhoud + block picker');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      await page.locator('[data-block-type="image"]').first().click();
      await page
        .getByRole('button', { name: /Kies een afbeelding|Choose an image/ })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await scan('step inhoud + image library');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);

      for (const path of PAGES) {
        await openRoute(page, path);
        await scan(path);
      }

      // The questions before credits or money are spent need an account and a sendable mailing;
      // they come last so every page above is scanned as a shop without an account sees it.
      const sink = await startSmtpSink();
      const tracker = await startTracker({ credits: 100 });
      try {
        const sendable = await seedSendable(winkelpost, tracker, sink.port);
        await openRoute(page, `/mailings/${sendable}/versturen`);
        await expect(page.getByTestId('checklist')).toBeVisible();
        await expect(page.getByTestId('checklist').locator('[data-status="fail"]')).toHaveCount(0);
        for (const box of await page.getByTestId('send-step').getByRole('checkbox').all()) {
          await box.check();
        }
        await page.getByTestId('send-button').click();
        await expect(page.getByTestId('send-confirm')).toBeVisible();
        await scan('step versturen + send confirmation');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);

        await openRoute(page, '/credits');
        await page.getByTestId('bundles').getByRole('button').first().click();
        await expect(page.getByTestId('order-confirm')).toBeVisible();
        await scan('/credits + order confirmation');
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      } finally {
        await sink.close();
        await tracker.close();
      }
      expect(found).toEqual([]);
    });
  }
}
