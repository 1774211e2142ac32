import { compactHeader } from './emailHeaders';
import { importError } from './importError';
import { inactivePart, type InactivePart } from './mailchimpParts';
import type { ColumnPlan } from './mapping';
import { trimTrailingEmpty } from './parse/importSource';

/**
 * A header row again in the middle of the file: two exports pasted one under the other. The same
 * columns again are skipped and the rows go on. A Mailchimp part that may not be mailed
 * (unsubscribed, cleaned) refuses the rows under it. Other columns would put the rows under it in
 * the wrong variables, so the file is refused, naming the row. A customer row with "e-mail" typed
 * in its address cell is no header (no other cell names a column): `notHeader`, refused by row.
 */
export function headerAgain(
  row: number,
  cells: readonly string[],
  columns: readonly ColumnPlan[],
): 'same' | 'notHeader' | InactivePart {
  const part = inactivePart(cells);
  if (part) return part;
  const named = cells.map(compactHeader);
  const headers = columns.map((c) => compactHeader(c.header));
  const same =
    trimTrailingEmpty([...cells]).length <= columns.length &&
    columns.every((c, i) => named[c.index] === headers[i]);
  if (same) return 'same';
  const known = new Set(headers.filter((h) => h !== ''));
  // The address cell and at least one more name a column: a header, of another export.
  if (named.filter((name) => known.has(name)).length < 2) return 'notHeader';
  throw importError('headerChanged', 'A header row with other columns stands in the file', {
    row,
  });
}
