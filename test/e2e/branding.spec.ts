import type { Locator, Page } from '@playwright/test';
import { AGREEMENTS_VERSION } from '../../electron/services/desktop/agreements';
import { expect, test } from './fixtures';

/** True once the image has been decoded: the CSP let it load. */
async function expectLoaded(image: Locator): Promise<void> {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);
}

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return violations;
}

test.describe('a reseller brand', () => {
  test.use({ branding: 'kassapartner', firstStart: true });

  test('shows its name, logo, partner line and colour', async ({ page, winkelpost }) => {
    const violations = collectCspViolations(page);
    await page.goto(winkelpost.url);

    await expect(page.getByTestId('brand-name')).toHaveText('Kassapost');
    await expect(page).toHaveTitle('Overeenkomsten – Kassapost');
    await expectLoaded(page.getByRole('img', { name: 'Logo van Kassapost' }));

    const partner = page.getByTestId('partner-line');
    await expect(partner).toContainText('Voor gebruikers van');
    await expectLoaded(partner.getByRole('img', { name: 'Kassasysteem Plus' }));

    // The first start asks for the agreements, which name the brand's product and their version…
    await expect(page.getByTestId('agreement-terms')).toContainText('het gebruik van Kassapost');
    await expect(page.getByTestId('agreement-terms')).not.toContainText('{{product}}');
    await expect(page.getByTestId('agreements-version')).toHaveText(`Versie ${AGREEMENTS_VERSION}`);
    // …and their button is the primary one, in the brand's blue.
    await page.getByRole('checkbox').check();
    const accept = page.getByRole('button', { name: 'Akkoord' });
    await expect(accept).toBeEnabled();
    await expect(accept).toHaveCSS('background-color', 'rgb(43, 76, 140)');
    await expect(accept).toHaveCSS('color', 'rgb(255, 255, 255)');

    await page.getByText('EN', { exact: true }).click();
    await expect(partner).toContainText('For users of');
    await expect(page.getByRole('img', { name: 'Kassapost logo' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe('Winkelpost’s own brand', () => {
  test.use({ firstStart: true });

  test('has its logo and green, and no partner line', async ({ page, winkelpost }) => {
    await page.goto(winkelpost.url);
    await expect(page.getByTestId('brand-name')).toHaveText('Winkelpost');
    await expectLoaded(page.getByRole('img', { name: 'Logo van Winkelpost' }));
    await expect(page).toHaveTitle('Overeenkomsten – Winkelpost');
    await page.getByRole('checkbox').check();
    await expect(page.getByRole('button', { name: 'Akkoord' })).toHaveCSS(
      'background-color',
      'rgb(31, 122, 90)',
    );
    await expect(page.getByTestId('partner-line')).toHaveCount(0);
  });
});

test.describe('a reseller brand in the texts', () => {
  test.use({ branding: 'kassapartner' });

  /** Each page with a text that names the product, so the page is known to have loaded. */
  const PAGES: { path: string; loaded: string }[] = [
    { path: '/', loaded: 'Welkom bij Kassapost' },
    { path: '/account', loaded: 'Kassapost maakt elke dag een reservekopie' },
    { path: '/handleiding', loaded: 'Zo werkt Kassapost' },
    { path: '/overeenkomsten', loaded: 'de aanbieder van Kassapost' },
    { path: '/versturen', loaded: 'Er zijn nu geen ingeplande of lopende verzendingen.' },
  ];

  test('name its product and never Winkelpost on the main pages', async ({ page, winkelpost }) => {
    for (const { path, loaded } of PAGES) {
      await page.goto(`${winkelpost.url}/#${path}`);
      await expect(page.getByText(loaded).first()).toBeVisible();
      await expect(page.locator('body')).not.toContainText('Winkelpost', { useInnerText: true });
      await expect(page.locator('body')).not.toContainText('{{product}}', { useInnerText: true });
      // "<page> – Kassapost": the product name of the brand ends every window title.
      await expect(page).toHaveTitle(/^[^–]+( – [^–]+)* – Kassapost$/);
      expect(await page.title()).not.toContain('Winkelpost');
    }

    // The texts outside i18next follow the language too.
    await page.goto(`${winkelpost.url}/#/handleiding`);
    await page.getByText('EN', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'How Kassapost works' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Winkelpost', { useInnerText: true });
  });
});
