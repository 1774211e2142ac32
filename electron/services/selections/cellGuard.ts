/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula (CSV injection). Such text
 * is kept, but with a leading apostrophe, so it stays text in the mail and in any export; plain
 * numbers, phone numbers and dashes (-5, +31 6 1234 5678, +31 20-123 4567, a lone - for "none")
 * are left as they are: without letters or a second + or = they can call no function.
 */
const PLAIN_NUMBER = /^[+-]?[\d\s.,()/-]+$/;

export function guardCell(value: string): { text: string; neutralised: boolean } {
  if (!looksLikeFormula(value)) return { text: withoutTextMark(value), neutralised: false };
  const shown = textConstant(value);
  return shown !== null && !looksLikeFormula(shown)
    ? { text: shown, neutralised: false }
    : { text: `'${value}`, neutralised: true };
}

/** Cheap first-character test first: this runs for every cell of a 100,000-row file. */
export function looksLikeFormula(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13)
    return false;
  return !PLAIN_NUMBER.test(value);
}

const TEXT_CONSTANT = /^="([^"]*)"$/;

/**
 * `="0612345678"`: how tills write a number whose leading zero Excel must keep. It is a text
 * constant, no function, and Excel shows the text inside; null for anything else.
 */
export function textConstant(value: string): string | null {
  return value.charCodeAt(0) === 61 ? (TEXT_CONSTANT.exec(value)?.[1] ?? null) : null;
}

const TEXT_MARK = /^'[+\d][\d\sA-Za-z.,()/-]*$/;

/**
 * `'+31612345678`, `'3511 AB`, `'7012345678901`: the apostrophe webshops (Shopify) put before a
 * number so Excel keeps it as text (its + and leading zeros). Excel hides it; in a mail it would
 * show. Only before a digit or +, so `'s-Hertogenbosch` and `'t Hoekje` keep theirs.
 */
export function withoutTextMark(value: string): string {
  return value.charCodeAt(0) === 39 && TEXT_MARK.test(value) ? value.slice(1) : value;
}
