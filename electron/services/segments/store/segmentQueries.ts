import type Database from 'better-sqlite3';
import type { SegmentT } from '../../../contract/segments';
import { segmentWhere, type SqlParams } from './segmentSql';
import { segmentStoreOf } from './segmentStore';
import { columnsOf } from './typedCells';

/** The contacts of one selection, with their typed cells, that a segment holds. */
const CONTACTS_IN = `from contacts c join contact_fields f on f.contact_id = c.id
  where c.selection_id = @selectionId`;

export interface SegmentQuery {
  /** `from … where …` over `contacts c`, binding @selectionId. */
  from: string;
  params: SqlParams;
}

/**
 * The mailing's segment as a query per selection (a column may sit in another slot in each),
 * or null without a segment.
 */
export function segmentQueries(
  sqlite: Database.Database,
  mailingId: string,
  selectionIds: readonly string[],
): Map<string, SegmentQuery> | null {
  const segment = segmentStoreOf(sqlite).mailingSegment(mailingId);
  return segment ? queriesFor(sqlite, selectionIds, segment) : null;
}

function queriesFor(
  sqlite: Database.Database,
  selectionIds: readonly string[],
  segment: SegmentT,
): Map<string, SegmentQuery> {
  const queries = new Map<string, SegmentQuery>();
  for (const [selectionId, columns] of columnsOf(sqlite, selectionIds)) {
    const params: SqlParams = { selectionId };
    const where = segmentWhere(segment, columns, params);
    queries.set(selectionId, { from: `${CONTACTS_IN} and ${where}`, params });
  }
  return queries;
}

/** How many contacts of these selections the segment holds (duplicates counted per selection). */
export function countSegment(
  sqlite: Database.Database,
  selectionIds: readonly string[],
  segment: SegmentT,
): number {
  let count = 0;
  // Each selection's statement is its own (its slots and the segment's values), so no reuse.
  for (const query of queriesFor(sqlite, selectionIds, segment).values()) {
    count += sqlite.prepare(`select count(*) ${query.from}`).pluck().get(query.params) as number;
  }
  return count;
}
