import type Database from 'better-sqlite3';
import { DAY } from '../core/clock';
import { statsAggregatesOf } from './statsAggregateStore';

/** Details per contact are kept this long after sending; the totals stay for ever. */
export const DETAILS_RETENTION_MS = 91 * DAY;

/**
 * Removes who-did-what from the statistics of mailings sent more than three months ago: the
 * per-recipient rows go and events lose their recipient id; the totals stay as they are.
 * Returns how many mailings were anonymised.
 */
export function anonymiseExpiredDetails(sqlite: Database.Database, now: number): number {
  return statsAggregatesOf(sqlite).anonymiseSentBefore(now - DETAILS_RETENTION_MS, now);
}
