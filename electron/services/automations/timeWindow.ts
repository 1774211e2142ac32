import type { AutomationSettingsT } from '../../contract/automations';

/** ISO weekday (1 = Monday … 7 = Sunday) of a moment in the computer's own time zone. */
export function isoWeekday(at: number): number {
  const day = new Date(at).getDay();
  return day === 0 ? 7 : day;
}

/** "HH:MM" of a moment in the computer's own time zone (the shop's clock). */
export function localTime(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Whether a till run may send now: a chosen weekday, from windowStart up to (not at) windowEnd. */
export function insideWindow(
  at: number,
  settings: Pick<AutomationSettingsT, 'windowStart' | 'windowEnd' | 'days'>,
): boolean {
  if (!settings.days.includes(isoWeekday(at))) return false;
  const time = localTime(at);
  return time >= settings.windowStart && time < settings.windowEnd;
}

/** `waardebon*` style patterns, case-insensitive; an empty pattern matches every file. */
export function matchesPattern(fileName: string, pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return true;
  const source = trimmed
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  // A pattern without an extension applies to the name with any extension.
  const full = /\.[^.*?]+$/.test(trimmed) ? source : `${source}(\\.[^.]*)?`;
  return new RegExp(`^${full}$`, 'i').test(fileName);
}
