import type Database from 'better-sqlite3';
import { AutomationStore } from './automationStore';
import { matchesPattern } from './timeWindow';

/**
 * Whether an active till automation will take this file from the import folder: "Nieuwe
 * selectie(s) ophalen" leaves it there, else a click before the window opens would import the
 * export as an ordinary selection and the vouchers would never go out.
 */
export function claimedByTillAutomation(sqlite: Database.Database): (fileName: string) => boolean {
  const patterns = new AutomationStore(sqlite, Date.now)
    .all()
    .filter((a) => a.kind === 'tillVoucher' && a.status === 'active')
    .map((a) => a.settings.folderPattern);
  return (fileName) => patterns.some((pattern) => matchesPattern(fileName, pattern));
}
