import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The one place numbers, amounts, percentages and moments become text: Intl with nl-NL (26,9%,
 * € 10,50, 06-12-2026 14:05) or en-GB for English. Pages never build such text themselves, so a
 * shopkeeper never sees "26.9%" on one page and "26,9%" on the next.
 */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'nl-NL';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

export function formatNumber(n: number, language: string): string {
  const locale = localeOf(language);
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A share of a whole as "26,9%" (one decimal at most; 0% when the whole is 0). */
export function formatPercent(part: number, whole: number, language: string): string {
  return formatRatio(whole > 0 ? part / whole : 0, language);
}

/** 0.269 → "26,9%". */
export function formatRatio(ratio: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `p|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
  ).format(ratio);
}

/** A share as a number from 0 to 100, for progress bars and charts. */
export function percentValue(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** Cents → "€ 10,50". */
export function formatEuro(cents: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `e|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }),
  ).format(cents / 100);
}

/** "06-12-2026" (Dutch) or "06/12/2026" (English). */
export function formatDate(ms: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `d|${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }),
  ).format(ms);
}

/** "06-12-2026 14:05" (with seconds: "06-12-2026 14:05:09", how tills show moments). */
export function formatDateTime(
  ms: number | null,
  language: string,
  options: { seconds?: boolean } = {},
): string {
  if (ms === null) return '';
  const locale = localeOf(language);
  const seconds = options.seconds === true;
  return cached(
    `dt|${locale}|${seconds}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds ? { second: '2-digit' } : {}),
      }),
  )
    .format(ms)
    .replace(',', '');
}

/** "6 dec 2026, 20:41:07": a moment to the second, written out for a list to check by eye. */
export function formatMoment(ms: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `m|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
  ).format(ms);
}

/** "maandag 7 december 2026 om 23:05": a moment ahead, written out so no reader can misread it. */
export function formatLongMoment(ms: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `lm|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short' }),
  ).format(ms);
}

/** 1 → "januari" (Dutch) or "January" (English). */
export function formatMonthName(month: number, language: string): string {
  const locale = localeOf(language);
  return cached(
    `mn|${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
  ).format(Date.UTC(2026, month - 1, 1));
}

/** "14:05" today, otherwise "12-11 14:05": short enough for the header. */
export function formatShortTime(ms: number, language: string, now = Date.now()): string {
  const locale = localeOf(language);
  const time = cached(
    `t|${locale}`,
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
  );
  if (new Date(ms).toDateString() === new Date(now).toDateString()) return time.format(ms);
  const day = cached(
    `dm|${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit' }),
  );
  return `${day.format(ms)} ${time.format(ms)}`;
}

/** File sizes: "1,5 MB", "320 kB". */
export function formatBytes(bytes: number, language: string): string {
  const locale = localeOf(language);
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return cached(
    `b|${locale}|${unit}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }),
  ).format(value);
}

/** The formatters bound to the current language, for components. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      number: (n: number) => formatNumber(n, language),
      percent: (part: number, whole: number) => formatPercent(part, whole, language),
      ratio: (ratio: number) => formatRatio(ratio, language),
      euro: (cents: number) => formatEuro(cents, language),
      date: (ms: number) => formatDate(ms, language),
      dateTime: (ms: number | null, options?: { seconds?: boolean }) =>
        formatDateTime(ms, language, options),
      moment: (ms: number) => formatMoment(ms, language),
      monthName: (month: number) => formatMonthName(month, language),
      shortTime: (ms: number) => formatShortTime(ms, language),
      bytes: (n: number) => formatBytes(n, language),
    }),
    [language],
  );
}
