import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatEuro,
  formatMoment,
  formatMonthName,
  formatNumber,
  formatPercent,
  formatShortTime,
  percentValue,
} from '../../../renderer/src/format';

// Intl puts a no-break space between "€" and the amount; the shopkeeper sees an ordinary space.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');
const moment = new Date(2026, 11, 6, 14, 5, 9).getTime();

describe('one formatter for numbers, amounts, percentages and moments', () => {
  it('writes Dutch as the manual does', () => {
    expect(formatPercent(269, 1000, 'nl')).toBe('26,9%');
    expect(formatPercent(8259, 10000, 'nl')).toBe('82,6%');
    expect(formatPercent(1, 3, 'nl')).toBe('33,3%');
    expect(formatPercent(5, 0, 'nl')).toBe('0%');
    expect(plain(formatEuro(1050, 'nl'))).toBe('€ 10,50');
    expect(formatNumber(12345, 'nl')).toBe('12.345');
    expect(formatDate(moment, 'nl')).toBe('06-12-2026');
    expect(formatDateTime(moment, 'nl')).toBe('06-12-2026 14:05');
    expect(formatDateTime(moment, 'nl', { seconds: true })).toBe('06-12-2026 14:05:09');
    expect(formatDateTime(null, 'nl')).toBe('');
    expect(plain(formatBytes(1.5 * 1024 * 1024, 'nl'))).toBe('1,5 MB');
    expect(formatMoment(moment, 'nl')).toBe('6 dec 2026, 14:05:09');
    expect(formatMonthName(3, 'nl')).toBe('maart');
  });

  it('writes English with British dates', () => {
    expect(formatPercent(269, 1000, 'en')).toBe('26.9%');
    expect(formatEuro(1050, 'en')).toBe('€10.50');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatDate(moment, 'en')).toBe('06/12/2026');
    expect(formatDateTime(moment, 'en')).toBe('06/12/2026 14:05');
    expect(formatMonthName(3, 'en')).toBe('March');
  });

  it('treats any language other than English as Dutch', () => {
    expect(formatPercent(1, 4, 'nl-NL')).toBe('25%');
    expect(formatPercent(1, 4, 'en-US')).toBe('25%');
    expect(formatNumber(1.5, 'de')).toBe('1,5');
  });

  it('shows only the time for today and the day before it otherwise', () => {
    expect(formatShortTime(moment, 'nl', moment + 60_000)).toBe('14:05');
    expect(formatShortTime(moment, 'nl', moment + 2 * 86_400_000)).toBe('06-12 14:05');
  });

  it('gives progress bars a number from 0 to 100', () => {
    expect(percentValue(269, 1000)).toBe(26.9);
    expect(percentValue(3, 0)).toBe(0);
  });
});
