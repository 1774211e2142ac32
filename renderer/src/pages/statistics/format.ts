import type { TFunction } from 'i18next';
import { ApiError } from '../../api';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'nl-NL');

/** 13-02-2026 11:16 (Dutch) or 13/02/2026, 11:16 (English). */
export function formatDateTime(ms: number | null, language: string): string {
  if (ms === null) return '';
  return new Intl.DateTimeFormat(locale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
}

export function formatDate(ms: number, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(ms));
}

/** "14:05" today, otherwise "12-11 14:05": short enough for the header. */
export function formatShortTime(ms: number, language: string, now = Date.now()): string {
  const date = new Date(ms);
  const time = new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date(now).toDateString()) return time.format(date);
  const day = new Intl.DateTimeFormat(locale(language), { day: '2-digit', month: '2-digit' });
  return `${day.format(date)} ${time.format(date)}`;
}

export function formatNumber(n: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(n);
}

export function formatEuro(cents: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/** The message of a failed call in the user's language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.key) return t(error.key, error.params ?? {});
  return t('common:errors.internal');
}
