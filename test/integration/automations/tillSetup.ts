import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AutomationSettingsT } from '../../../electron/contract/automations';
import type { TestApp } from '../../helpers/testApp';
import { linkTracker, setUpShop } from '../sending/seed';
import type { RunningTracker } from '../sync/trackerFixture';

export const TILL_HEADER =
  'email;naam;voornaam;waardebon_bedrag;waardebon_barcode;waardebon_spaarpunten;restant_spaarpunten';

/** A row of a till export: customer i with the given barcode. */
export function tillRow(i: number, barcode: string): string {
  return `klant${i}@example.nl;Klant ${i};Klant;10,50;${barcode};100;0`;
}

/** A local moment (the window is the shop's own clock): 7 December 2026 is a Monday. */
export function local(day: number, hour: number, minute = 0): number {
  return new Date(2026, 11, day, hour, minute).getTime();
}

/** Puts an export into the import folder as the till would, stamped with the app's clock. */
/** A till export finished at `at`, a minute before the automation looks (it waits for a settled file). */
export function dropTillFile(folder: string, name: string, rows: string[], at: number): string {
  return writeTillFile(folder, name, rows, at - 60_000);
}

/** A till export whose last write was at `modifiedAt`. */
export function writeTillFile(
  folder: string,
  name: string,
  rows: string[],
  modifiedAt: number,
): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, [TILL_HEADER, ...rows].join('\n'), 'utf8');
  utimesSync(path, modifiedAt / 1000, modifiedAt / 1000);
  return path;
}

/**
 * A shop linked to the tracker, SMTP to the sink, an import folder and a voucher mailing that had
 * its test mail; returns the mailing's id.
 */
export async function prepareVoucherMailing(
  t: TestApp,
  options: { tracker: RunningTracker; smtpPort: number; importFolder: string },
): Promise<string> {
  await linkTracker(t, options.tracker);
  const senderId = await setUpShop(t, { smtpPort: options.smtpPort });
  mkdirSync(options.importFolder, { recursive: true });
  await t.call('settings.update', { importFolder: options.importFolder });
  const mailing = await t.call('mailings.create', { type: 'voucher' });
  await t.call('mailings.update', {
    id: mailing.id,
    patch: {
      subject: 'Je waardebon van Bakkerij Jansen',
      topLine: 'Goed voor € [[waardebon_bedrag]]',
      from: senderId,
    },
  });
  t.app.context.mailings.markTested(mailing.id, t.clock.now() + 1);
  t.clock.advance(1000);
  return mailing.id;
}

/** prepareVoucherMailing and an active till automation on it; returns both ids. */
export async function setUpTillAutomation(
  t: TestApp,
  options: {
    tracker: RunningTracker;
    smtpPort: number;
    importFolder: string;
    settings?: Partial<AutomationSettingsT>;
  },
): Promise<{ automationId: string; mailingId: string }> {
  const mailingId = await prepareVoucherMailing(t, options);
  const automation = await t.call('automations.save', {
    kind: 'tillVoucher',
    name: 'Waardebonnen uit de kassa',
    mailingId,
    settings: {
      folderPattern: 'waardebon*',
      windowStart: '09:00',
      windowEnd: '20:00',
      days: [1, 2, 3, 4, 5],
      maxRecipients: 50,
      maxCredits: 100,
      ...options.settings,
    },
  });
  await t.call('automations.activate', {
    id: automation.id,
    confirmed: ['permission', 'testChecked', 'contentCorrect'],
  });
  return { automationId: automation.id, mailingId };
}
