import { describe, expect, it } from 'vitest';
import { celebratesOn, parseBirthDate } from '../../../electron/services/automations/birthDate';
import { matchesPattern } from '../../../electron/services/automations/timeWindow';

describe('parseBirthDate', () => {
  it.each([
    ['17-05-1980', { month: 5, day: 17 }],
    ['17/05/1980', { month: 5, day: 17 }],
    ['17.5.1980', { month: 5, day: 17 }],
    ['1980-05-17', { month: 5, day: 17 }],
    ['17 mei 1980', { month: 5, day: 17 }],
    ['3 Sept. 1977', { month: 9, day: 3 }],
    ['17-05', { month: 5, day: 17 }],
    ['29-02-1984', { month: 2, day: 29 }],
  ])('reads %s', (raw, expected) => {
    expect(parseBirthDate(raw)).toEqual(expected);
  });

  it.each(['', '31-04-1980', '29-02-1983', '1980-13-01', 'onbekend', '17 foo 1980', '00-05-1980'])(
    'refuses %j',
    (raw) => {
      expect(parseBirthDate(raw)).toBeNull();
    },
  );
});

describe('celebratesOn', () => {
  const leapling = { month: 2, day: 29 };
  it('celebrates 29 February on 28 February outside leap years, and on the 29th in them', () => {
    expect(celebratesOn(leapling, { year: 2027, month: 2, day: 28 })).toBe(true);
    expect(celebratesOn(leapling, { year: 2027, month: 3, day: 1 })).toBe(false);
    expect(celebratesOn(leapling, { year: 2028, month: 2, day: 28 })).toBe(false);
    expect(celebratesOn(leapling, { year: 2028, month: 2, day: 29 })).toBe(true);
    expect(celebratesOn(leapling, { year: 2100, month: 2, day: 28 })).toBe(true);
  });
});

describe('matchesPattern', () => {
  it.each([
    ['waardebon-0712.csv', 'waardebon*', true],
    ['Waardebon.xlsx', 'waardebon*', true],
    ['klanten.csv', 'waardebon*', false],
    ['waardebon.csv', 'waardebon', true],
    ['waardebon.csv', '*.xlsx', false],
    ['x(1).csv', 'x(1)*', true],
    ['anything.csv', '', true],
  ])('%s against %j: %s', (name, pattern, expected) => {
    expect(matchesPattern(name, pattern)).toBe(expected);
  });
});
