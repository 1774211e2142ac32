import { expect, it } from 'vitest';
import { FirstRows } from '../../../electron/services/selections/firstRows';

it('finds the first row of every address after growing from a tiny table', () => {
  const firstRows = new FirstRows(4);
  const address = (i: number) => `klant.${i}@voorbeeld${i % 7}.nl`;
  const staged = new Map<number, string>();
  const same = (row: number, value: string) => staged.get(row) === value;
  for (let i = 0; i < 5000; i += 1) {
    expect(firstRows.firstOrAdd(address(i), i + 2, same)).toBeUndefined();
    staged.set(i + 2, address(i));
  }
  for (let i = 0; i < 5000; i += 1)
    expect(firstRows.firstOrAdd(address(i), 9000 + i, same)).toBe(i + 2);
});

it('keeps addresses apart whose hashes are equal but the caller says differ', () => {
  const firstRows = new FirstRows();
  expect(firstRows.firstOrAdd('a@example.nl', 2, () => false)).toBeUndefined();
  // Same hashes (the same text), but not confirmed: a contact of its own.
  expect(firstRows.firstOrAdd('a@example.nl', 3, () => false)).toBeUndefined();
  expect(firstRows.firstOrAdd('a@example.nl', 4, (row) => row === 3)).toBe(3);
  expect(firstRows.firstOrAdd('a@example.nl', 5, (row) => row === 2)).toBe(2);
});
