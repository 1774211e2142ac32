import { compactHeader } from './emailHeaders';
import { importError } from './importError';
import { inactivePart, type InactivePart } from './mailchimpParts';
import type { ColumnPlan } from './mapping';
import { trimTrailingEmpty } from './parse/importSource';

/**
 * A header row again in the middle of the file: two exports pasted one under the other. The same
 * columns again are skipped and the rows go on. A Mailchimp part that may not be mailed
 * (unsubscribed, cleaned) refuses the rows under it. Other columns would put the rows under it in
 * the wrong variables, so the file is refused, naming the row.
 */
export function headerAgain(
  row: number,
  cells: readonly string[],
  columns: readonly ColumnPlan[],
): InactivePart | null {
  const part = inactivePart(cells);
  if (part) return part;
  const same =
    trimTrailingEmpty([...cells]).length <= columns.length &&
    columns.every((c) => compactHeader(cells[c.index] ?? '') === compactHeader(c.header));
  if (!same)
    throw importError('headerChanged', 'A header row with other columns stands in the file', {
      row,
    });
  return null;
}
