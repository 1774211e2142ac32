import type Database from 'better-sqlite3';
import { Segment, type SegmentT } from '../../contract/segments';
import type { ColumnType } from '../../contract/plain/columnValues';
import { segmentWhere, type SqlParams } from './segmentSql';
import { columnTypesOf } from './typedValues';

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

export interface SegmentFilter {
  /** `and …` to append to a query over `contacts c` that binds @selectionId. */
  clause: string;
  params: SqlParams;
}

/** The mailing's segment as a filter on one selection's contacts at a time, or none. */
export function segmentFilter(
  sqlite: Database.Database,
  mailingId: string,
  selectionIds: readonly string[],
): SegmentFilter {
  const segment = readMailingSegment(sqlite, mailingId);
  if (!segment) return { clause: '', params: {} };
  columnTypesOf(sqlite, selectionIds);
  const params: SqlParams = {};
  return { clause: `and ${segmentWhere(segment, '@selectionId', params)}`, params };
}

/** How many contacts of these selections the segment holds (duplicates counted per selection). */
export function countSegment(
  sqlite: Database.Database,
  selectionIds: readonly string[],
  segment: SegmentT,
): number {
  const params: SqlParams = {};
  const names = selectionIds.map((id, i) => {
    params[`sel${i}`] = id;
    return `@sel${i}`;
  });
  const list = names.join(', ') || 'null';
  const where = segmentWhere(segment, list, params);
  return sqlite
    .prepare(`select count(*) from contacts c where c.selection_id in (${list}) and ${where}`)
    .pluck()
    .get(params) as number;
}

/** The columns of the selections with their types; a column typed differently is text. */
export function segmentColumns(
  sqlite: Database.Database,
  selectionIds: readonly string[],
): { name: string; type: ColumnType }[] {
  const merged = new Map<string, ColumnType>();
  for (const types of columnTypesOf(sqlite, selectionIds).values()) {
    for (const [name, type] of Object.entries(types)) {
      const before = merged.get(name);
      merged.set(name, before === undefined || before === type ? type : 'text');
    }
  }
  return [...merged].map(([name, type]) => ({ name, type }));
}
