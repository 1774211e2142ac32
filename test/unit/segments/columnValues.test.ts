import { describe, expect, it } from 'vitest';
import {
  ColumnTypeGuess,
  parseDutchDate,
  parseDutchNumber,
} from '../../../electron/contract/plain/columnValues';

describe('reading Dutch cells', () => {
  it('reads numbers with decimal commas, euro signs and thousands dots', () => {
    expect(parseDutchNumber('12,50')).toBe(12.5);
    expect(parseDutchNumber('€ 12,50')).toBe(12.5);
    expect(parseDutchNumber('€\u00a01.234,50')).toBe(1234.5);
    expect(parseDutchNumber('1.234')).toBe(1234);
    expect(parseDutchNumber('12.5')).toBe(12.5);
    expect(parseDutchNumber('500')).toBe(500);
    expect(parseDutchNumber("'-5")).toBe(-5);
    expect(parseDutchNumber('0')).toBe(0);
  });

  it('reads no number in text, identifiers or empty cells', () => {
    for (const cell of [
      '',
      '  ',
      'Utrecht',
      '12,5,0',
      '1.23,4',
      '0612345678',
      '1234 AB',
      '17-05-1980',
    ])
      expect(parseDutchNumber(cell), cell).toBeNull();
  });

  it('reads dates written day first or ISO, and refuses days that do not exist', () => {
    expect(parseDutchDate('17-05-1980')).toBe(19800517);
    expect(parseDutchDate('17/05/1980')).toBe(19800517);
    expect(parseDutchDate('1980-05-17')).toBe(19800517);
    expect(parseDutchDate('7-5-1980')).toBe(19800507);
    expect(parseDutchDate('29-02-2024')).toBe(20240229);
    for (const cell of ['31-02-1980', '17-13-1980', '1980', '', 'morgen'])
      expect(parseDutchDate(cell), cell).toBeNull();
  });

  it('types a column from all its filled cells', () => {
    const guess = (...cells: string[]) => {
      const g = new ColumnTypeGuess();
      for (const cell of cells) g.add(cell);
      return g.type;
    };
    expect(guess('12,50', '', '€ 7', '1.234,50')).toBe('number');
    expect(guess('17-05-1980', '', '1980-05-17', '03/01/2001')).toBe('date');
    expect(guess('500', 'veel')).toBe('text');
    expect(guess('17-05-1980', '12')).toBe('text');
    expect(guess('', ' ')).toBe('text');
  });
});
