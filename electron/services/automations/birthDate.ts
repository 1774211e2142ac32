/** The column the shop's export gives birth dates in. */
export const BIRTH_DATE_VARIABLE = 'geboortedatum';

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  feb: 2,
  februari: 2,
  mrt: 3,
  maart: 3,
  apr: 4,
  april: 4,
  mei: 5,
  jun: 6,
  juni: 6,
  jul: 7,
  juli: 7,
  aug: 8,
  augustus: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

export interface MonthDay {
  month: number;
  day: number;
}

/**
 * A birth date as Dutch tills and spreadsheets write it: 17-05-1980, 17/05/1980, 17.5.1980,
 * 1980-05-17 or 17 mei 1980 (the year may be missing: 17-05, 17 mei). Null when it is not a real
 * day. A dozen lines of our own: date libraries parse one format at a time and know no "mei".
 */
export function parseBirthDate(raw: string | undefined): MonthDay | null {
  const text = (raw ?? '').trim().toLowerCase();
  if (text === '') return null;
  let day: number;
  let month: number;
  let year: number | null = null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(text);
  const named = /^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$/.exec(text);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (numeric) {
    [day, month] = [Number(numeric[1]), Number(numeric[2])];
    if (numeric[3]?.length === 4) year = Number(numeric[3]);
  } else if (named && MONTHS[named[2]!] !== undefined) {
    [day, month] = [Number(named[1]), MONTHS[named[2]!]!];
    if (named[3]) year = Number(named[3]);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1) return null;
  // 29 February needs a leap year only when the year is given.
  const daysInMonth = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
  return day <= daysInMonth ? { month, day } : null;
}

/** Whether a birthday is celebrated on this date: 29 February on 28 February outside leap years. */
export function celebratesOn(birth: MonthDay, date: { year: number; month: number; day: number }) {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(date.year))
    return date.month === 2 && date.day === 28;
  return birth.month === date.month && birth.day === date.day;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
