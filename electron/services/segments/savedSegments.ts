import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import { Segment, type SavedSegmentT, type SegmentT } from '../../contract/segments';

interface SavedRow {
  id: string;
  name: string;
  definition: string;
  updatedAt: number;
}

const toSaved = (row: SavedRow): SavedSegmentT => ({
  id: row.id,
  name: row.name,
  segment: Segment.parse(JSON.parse(row.definition)),
  updatedAt: row.updatedAt,
});

const COLUMNS = 'id, name, definition, updated_at as updatedAt';

/** Segments saved by name, alphabetically (Dutch order). */
export function listSavedSegments(sqlite: Database.Database): SavedSegmentT[] {
  const rows = sqlite.prepare(`select ${COLUMNS} from saved_segments`).all() as SavedRow[];
  return rows.map(toSaved).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** Saves under a name; a segment with that name already is replaced (same id). */
export function saveSegment(
  sqlite: Database.Database,
  name: string,
  segment: SegmentT,
  now: number,
): SavedSegmentT {
  sqlite
    .prepare(
      `insert into saved_segments (id, name, definition, updated_at) values (?, ?, ?, ?)
       on conflict (name) do update set definition = excluded.definition,
       updated_at = excluded.updated_at`,
    )
    .run(randomUUID(), name, JSON.stringify(segment), now);
  const row = sqlite
    .prepare(`select ${COLUMNS} from saved_segments where name = ?`)
    .get(name) as SavedRow;
  return toSaved(row);
}

export function deleteSavedSegment(sqlite: Database.Database, id: string): void {
  const { changes } = sqlite.prepare('delete from saved_segments where id = ?').run(id);
  if (changes === 0)
    throw new DomainError(ERROR_CODES.notFound, 'No such segment', 'segments:errors.notFound');
}
