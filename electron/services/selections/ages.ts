/**
 * The two age rules of a selection, in calendar months (as the shopkeeper counts them):
 * younger than two months it can be chosen for a mailing; after three months it is removed.
 */
export const USABLE_MONTHS = 2;
export const KEPT_MONTHS = 3;

/** Same day-of-month n months later (or earlier), clamped to the month's last day; UTC. */
export function addMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.getTime();
}

export function usableUntil(createdAt: number): number {
  return addMonths(createdAt, USABLE_MONTHS);
}

export function removedAt(createdAt: number): number {
  return addMonths(createdAt, KEPT_MONTHS);
}

export function isUsable(createdAt: number, now: number): boolean {
  return now < usableUntil(createdAt);
}
