/**
 * A cell as Excel writes a long number it has opened as a number: 6,12346E+08 (a phone number),
 * 8,71234E+12 (a loyalty card). The digits past the sixth are gone; no reading brings them back,
 * so the shop is told to export again instead of mailing wrong card numbers.
 */
const SCIENTIFIC = /^-?\d[.,]\d+E\+\d{1,2}$/i;

/** Whether a preview row holds such a cell (Excel mangles whole columns, so the first rows tell). */
export function hasScientificNumbers(rows: readonly (readonly string[])[]): boolean {
  return rows.some((cells) => cells.some((cell) => SCIENTIFIC.test(cell.trim())));
}
