import type Database from 'better-sqlite3';
import type { ColumnType } from '../../contract/plain/columnValues';
import { columnsOf } from './store/typedCells';

// The send's staging reads the segment's queries by this path.
export { segmentQueries, type SegmentQuery } from './store/segmentQueries';

/** The columns of the selections with their types; a column typed differently is text. */
export function segmentColumns(
  sqlite: Database.Database,
  selectionIds: readonly string[],
): { name: string; type: ColumnType }[] {
  const merged = new Map<string, ColumnType>();
  for (const columns of columnsOf(sqlite, selectionIds).values()) {
    for (const [name, { type, slot }] of Object.entries(columns)) {
      if (slot === null) continue;
      const before = merged.get(name);
      merged.set(name, before === undefined || before === type ? type : 'text');
    }
  }
  return [...merged].map(([name, type]) => ({ name, type }));
}
