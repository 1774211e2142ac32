/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula (CSV injection). Such text
 * is kept, but with a leading apostrophe, so it stays text in the mail and in any export; plain
 * numbers and phone numbers (-5, +31 6 1234 5678) are left as they are.
 */
const TRIGGER = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?[\d\s.,()]+$/;

export function guardCell(value: string): { text: string; neutralised: boolean } {
  if (!TRIGGER.test(value) || PLAIN_NUMBER.test(value)) return { text: value, neutralised: false };
  return { text: `'${value}`, neutralised: true };
}

export function looksLikeFormula(value: string): boolean {
  return TRIGGER.test(value) && !PLAIN_NUMBER.test(value);
}
