import { expect, test } from './fixtures';

test('the account page saves every section, refuses an invalid field, and keeps the values after a reload', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/account`);
  const senders = page.getByTestId('section-senders');
  await senders.getByLabel('Naam afzender').fill('Mode Marijke');
  await senders.getByLabel('Afzenderadres (From)').fill('geen-adres');
  await senders.getByRole('button', { name: 'Opslaan' }).click();
  await expect(senders.getByText('Dit is geen geldig e-mailadres.')).toBeVisible();
  expect(winkelpost.app.context.settings.read().senders).toEqual([]);

  await senders.getByLabel('Afzenderadres (From)').fill('info@modemarijke.nl');
  await senders.getByLabel('Antwoordadres (Reply-To)').fill('marijke@modemarijke.nl');
  await senders.getByRole('button', { name: 'Opslaan' }).click();
  await expect(senders.getByRole('status')).toHaveText('Opgeslagen');

  const shop = page.getByTestId('section-shop');
  await shop.getByLabel('Naam winkel').fill('Mode Marijke');
  await shop.getByLabel('Adres', { exact: true }).fill('Langestraat 12');
  await shop.getByLabel('Postcode').fill('3811 AB');
  await shop.getByLabel('Plaats').fill('Amersfoort');
  await shop.getByLabel('Telefoon').fill('033-1234567');
  await shop.getByLabel('Website').fill('https://www.modemarijke.nl');
  await shop.getByRole('button', { name: 'Opslaan' }).click();
  await expect(shop.getByRole('status')).toHaveText('Opgeslagen');

  const smtp = page.getByTestId('section-smtp');
  await smtp.getByLabel('Server', { exact: true }).fill('smtp.provider.nl');
  await smtp.getByLabel('Poort').fill('99999');
  await smtp.getByLabel('Gebruikersnaam').fill('marijke');
  await smtp.getByLabel('Wachtwoord', { exact: true }).fill('heel-geheim');
  await smtp.getByRole('button', { name: 'Opslaan' }).click();
  await expect(smtp.getByText('Vul een poortnummer in tussen 1 en 65535.')).toBeVisible();
  expect(winkelpost.app.context.settings.read().smtp.host).toBe('');
  await smtp.getByLabel('Poort').fill('587');
  await smtp.getByRole('button', { name: 'Opslaan' }).click();
  await expect(smtp.getByRole('status')).toHaveText('Opgeslagen');
  await expect(smtp.getByTestId('smtp-password-state')).toHaveText(
    'Er is een wachtwoord opgeslagen (versleuteld).',
  );

  const limits = page.getByTestId('section-limits');
  await limits.getByLabel('Mails per uur').fill('0');
  await limits.getByRole('button', { name: 'Opslaan' }).click();
  await expect(
    limits.getByText('Vul een heel getal in binnen de grenzen', { exact: false }),
  ).toBeVisible();
  expect(winkelpost.app.context.settings.read().limits.perHour).toBe(5000);
  await limits.getByLabel('Mails per uur').fill('1200');
  await limits.getByLabel('Rustperiode (uren)').fill('72');
  await limits.getByRole('button', { name: 'Opslaan' }).click();
  await expect(limits.getByRole('status')).toHaveText('Opgeslagen');
  expect(winkelpost.app.context.settings.read().limits).toMatchObject({
    perHour: 1200,
    fairUseHours: 72,
  });

  await page.reload();
  await expect(page.getByTestId('section-limits').getByLabel('Mails per uur')).toHaveValue('1200');
  await expect(page.getByTestId('section-senders').getByLabel('Afzenderadres (From)')).toHaveValue(
    'info@modemarijke.nl',
  );
  await expect(page.getByTestId('section-shop').getByLabel('Plaats')).toHaveValue('Amersfoort');
  await expect(page.getByTestId('section-smtp').getByLabel('Server', { exact: true })).toHaveValue(
    'smtp.provider.nl',
  );
  await expect(page.getByTestId('section-smtp').getByLabel('Poort')).toHaveValue('587');
  // The password never comes back to the page.
  await expect(
    page.getByTestId('section-smtp').getByLabel('Wachtwoord', { exact: true }),
  ).toHaveValue('');
  expect(await page.content()).not.toContain('heel-geheim');
  await expect(page.getByTestId('data-dir')).toHaveValue(winkelpost.dataDir);
  expect(winkelpost.app.context.settings.smtpPassword()).toBe('heel-geheim');
});

test('a checklist fix link to one card of the account page brings that card into view and focus', async ({
  page,
  winkelpost,
}) => {
  await page.goto(`${winkelpost.url}/#/account?section=identity`);
  const identity = page.getByTestId('section-identity');
  await expect(identity).toBeFocused();
  await expect(identity).toBeInViewport();
  // The first cards are scrolled past: the page does not open at its top.
  await expect(page.getByTestId('section-senders')).not.toBeInViewport();
  // The shop's website as typed, without https://, is taken (and given its https://).
  await page.goto(`${winkelpost.url}/#/account?section=shop`);
  const shop = page.getByTestId('section-shop');
  await expect(shop).toBeFocused();
  await shop.getByLabel('Website').fill('www.bakkerijdevries.nl');
  await shop.getByRole('button', { name: 'Opslaan' }).click();
  await expect(shop.getByRole('status')).toHaveText('Opgeslagen');
  expect(winkelpost.app.context.settings.read().shop.website).toBe(
    'https://www.bakkerijdevries.nl',
  );
});
