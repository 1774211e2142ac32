import type Database from 'better-sqlite3';
import { expect, test } from './fixtures';

/** A bounce that rests on a code alone, as the recorder stores it: nothing suppressed yet. */
function seedReview(sqlite: Database.Database, email: string, at: number): void {
  sqlite
    .prepare(
      `insert into bounce_messages (source_hash, received_at, processed_at, kind, email, status,
         reason, subject, effects)
       values (?, ?, ?, 'review', ?, '5.1.1', ?, 'Undelivered Mail Returned to Sender', '{}')`,
    )
    .run(`hash-${email}`, at, at, email, `<${email}>: delivery failed`);
}

test('a bounce waiting for review shows the message and is suppressed or ignored with one click', async ({
  page,
  winkelpost,
}) => {
  const { sqlite } = winkelpost.app.context.database;
  const now = winkelpost.clock.now();
  seedReview(sqlite, 'kees@voorbeeld.nl', now);
  seedReview(sqlite, 'lotte@voorbeeld.nl', now + 1);
  const suppression = winkelpost.app.context.suppression;

  await page.goto(`${winkelpost.url}/#/account`);
  const rows = page.getByTestId('bounce-row');
  const kees = rows.filter({ hasText: 'kees@voorbeeld.nl' });
  const lotte = rows.filter({ hasText: 'lotte@voorbeeld.nl' });
  await expect(kees.getByText('Controleren: adres bestaat mogelijk niet')).toBeVisible();
  await expect(kees.getByText('<kees@voorbeeld.nl>: delivery failed')).toBeVisible();
  expect(suppression.isSuppressed('kees@voorbeeld.nl')).toBe(false);

  await kees.getByRole('button', { name: 'Uitschrijven' }).click();
  await expect(kees.getByText('Adres bestaat niet')).toBeVisible();
  await expect(kees.getByText('uitgeschreven')).toBeVisible();
  expect(suppression.get('kees@voorbeeld.nl')?.reason).toBe('hard_bounce');

  await lotte.getByRole('button', { name: 'Negeren' }).click();
  await expect(lotte.getByText('Genegeerd')).toBeVisible();
  await expect(lotte.getByRole('button', { name: 'Uitschrijven' })).toHaveCount(0);
  expect(suppression.isSuppressed('lotte@voorbeeld.nl')).toBe(false);
});
