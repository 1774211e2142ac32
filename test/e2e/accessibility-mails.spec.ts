import { unwrap } from '../../electron/contract';
import { blockingViolations } from './a11yScan';
import { expect, test } from './fixtures';

test.afterEach(async ({ context }) => {
  await context.close();
});

const TEMPLATES = [
  'template-basis-nieuwsbrief',
  'template-basis-waardebon',
  'template-voorbeeld-nieuwsbrief',
  'template-voorbeeld-waardebon',
];

test('the four templates render mails without critical or serious axe findings, with section titles as headings', async ({
  page,
  winkelpost,
}) => {
  const found: string[] = [];
  for (const id of TEMPLATES) {
    // The HTML exactly as it would be sent (mailings.preview runs the send pipeline).
    const preview = unwrap(await winkelpost.app.handlers['mailings.preview']({ id })) as {
      html: string;
    };
    await page.setContent(preview.html);
    found.push(...(await blockingViolations(page, id)));
  }
  expect(found).toEqual([]);

  // The newsletter's section titles ("Koopavond op donderdag", product names) are headings.
  const newsletter = unwrap(
    await winkelpost.app.handlers['mailings.preview']({ id: 'template-voorbeeld-nieuwsbrief' }),
  ) as { html: string };
  await page.setContent(newsletter.html);
  for (const name of ['Onze favorieten', 'Wollen jas', 'Gebreide sjaal', 'Koopavond op donderdag'])
    await expect(page.getByRole('heading', { name })).toBeVisible();
});
