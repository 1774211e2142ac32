import type Database from 'better-sqlite3';
import { Segment, type SegmentT } from '../../contract/segments';
import type { ColumnType } from '../../contract/plain/columnValues';
import { segmentWhere, type SqlParams } from './segmentSql';
import { columnsOf } from './typedValues';

/** The segment a mailing goes to within its selections, or null for everyone in them. */
export function readMailingSegment(sqlite: Database.Database, mailingId: string): SegmentT | null {
  const stored = sqlite
    .prepare('select definition from mailing_segments where mailing_id = ?')
    .pluck()
    .get(mailingId) as string | undefined;
  return stored === undefined ? null : Segment.parse(JSON.parse(stored));
}

export function writeMailingSegment(
  sqlite: Database.Database,
  mailingId: string,
  segment: SegmentT | null,
  now: number,
): void {
  if (segment === null) {
    sqlite.prepare('delete from mailing_segments where mailing_id = ?').run(mailingId);
    return;
  }
  sqlite
    .prepare(
      `insert into mailing_segments (mailing_id, definition, updated_at) values (?, ?, ?)
       on conflict (mailing_id) do update set definition = excluded.definition,
       updated_at = excluded.updated_at`,
    )
    .run(mailingId, JSON.stringify(segment), now);
}

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
  const segment = readMailingSegment(sqlite, mailingId);
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
  for (const query of queriesFor(sqlite, selectionIds, segment).values()) {
    count += sqlite.prepare(`select count(*) ${query.from}`).pluck().get(query.params) as number;
  }
  return count;
}

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
