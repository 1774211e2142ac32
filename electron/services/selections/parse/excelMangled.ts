import { compactHeader } from '../emailHeaders';

/**
 * What Excel does to a CSV it opened and saved again, told from the preview rows (Excel changes
 * whole columns, so the first rows tell; no work per row of the file). The cells are imported as
 * they are, and the shop is told, since neither can be read back for sure.
 */
export function excelMangledWarnings(
  header: readonly string[],
  preview: readonly (readonly string[])[],
): string[] {
  const warnings: string[] = [];
  if (preview.some((cells) => cells.some((cell) => SCIENTIFIC.test(cell.trim()))))
    warnings.push('selections:warnings.scientificNumbers');
  if (header.some((name, column) => isDateHeader(name) && allSerialDays(preview, column)))
    warnings.push('selections:warnings.serialDates');
  return warnings;
}

/**
 * 6,12346E+08 (a phone number), 8,71234E+12 (a loyalty card): a long number Excel read as a
 * number; the digits past the sixth are gone.
 */
const SCIENTIFIC = /^-?\d[.,]\d+E\+\d{1,2}$/i;

/** Dutch and English names of date columns (compacted), as parts of the header. */
const DATE_WORDS = [
  'datum',
  'date',
  'geboren',
  'geboorte',
  'birthday',
  'verjaardag',
  'sinds',
  'since',
];

function isDateHeader(name: string): boolean {
  const compact = compactHeader(name);
  return DATE_WORDS.some((word) => compact.includes(word));
}

/**
 * 31048 for 1 January 1985: a date column Excel saved as its day numbers (a cell formatted as a
 * number). Every filled preview cell a whole number of days between 1910 and 2099.
 */
function allSerialDays(preview: readonly (readonly string[])[], column: number): boolean {
  const filled = preview.map((cells) => (cells[column] ?? '').trim()).filter((v) => v !== '');
  return (
    filled.length > 0 &&
    filled.every((v) => /^\d{4,5}$/.test(v) && Number(v) >= 3654 && Number(v) <= 73050)
  );
}
