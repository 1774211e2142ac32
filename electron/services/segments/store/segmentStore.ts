import type Database from 'better-sqlite3';
import { Segment, type SavedSegmentT, type SegmentT } from '../../../contract/segments';
import { weakCache } from '../../render/weakCache';

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

const SAVED = 'id, name, definition, updated_at as updatedAt';

/** An earlier sent mailing a behaviour condition may name. */
export interface SentMailing {
  id: string;
  subject: string;
  sentAt: number;
}

/**
 * Saved segments and each mailing's segment, and the sent mailings a behaviour condition may
 * name. The typed cells and column types are typedCells.ts's (the import worker writes them too).
 */
export class SegmentStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      saved: sqlite.prepare(`select ${SAVED} from saved_segments`),
      savedByName: sqlite.prepare(`select ${SAVED} from saved_segments where name = ?`),
      save: sqlite.prepare(
        `insert into saved_segments (id, name, definition, updated_at) values (?, ?, ?, ?)
         on conflict (name) do update set definition = excluded.definition,
         updated_at = excluded.updated_at`,
      ),
      deleteSaved: sqlite.prepare('delete from saved_segments where id = ?'),
      mailingSegment: sqlite
        .prepare('select definition from mailing_segments where mailing_id = ?')
        .pluck(),
      clearMailingSegment: sqlite.prepare('delete from mailing_segments where mailing_id = ?'),
      setMailingSegment: sqlite.prepare(
        `insert into mailing_segments (mailing_id, definition, updated_at) values (?, ?, ?)
         on conflict (mailing_id) do update set definition = excluded.definition,
         updated_at = excluded.updated_at`,
      ),
      sentMailings: sqlite.prepare(
        `select m.id, m.subject, max(s.started_at) as sentAt from sends s
         join mailings m on m.id = s.mailing_id
         left join stats_mailings sm on sm.mailing_id = m.id
         where s.started_at is not null and m.id != ? and sm.anonymised_at is null
         group by m.id order by sentAt desc limit 100`,
      ),
    };
  }

  /** The saved segments, in no particular order. */
  savedSegments(): SavedSegmentT[] {
    return (this.s.saved.all() as SavedRow[]).map(toSaved);
  }

  /** Saves under a name; a segment with that name already is replaced (its id kept). */
  saveSegment(id: string, name: string, segment: SegmentT, now: number): SavedSegmentT {
    this.s.save.run(id, name, JSON.stringify(segment), now);
    return toSaved(this.s.savedByName.get(name) as SavedRow);
  }

  /** Whether there was such a segment. */
  deleteSavedSegment(id: string): boolean {
    return this.s.deleteSaved.run(id).changes > 0;
  }

  /** The segment a mailing goes to within its selections, or null for everyone in them. */
  mailingSegment(mailingId: string): SegmentT | null {
    const stored = this.s.mailingSegment.get(mailingId) as string | undefined;
    return stored === undefined ? null : Segment.parse(JSON.parse(stored));
  }

  setMailingSegment(mailingId: string, segment: SegmentT | null, now: number): void {
    if (segment === null) this.s.clearMailingSegment.run(mailingId);
    else this.s.setMailingSegment.run(mailingId, JSON.stringify(segment), now);
  }

  /** Earlier sent mailings whose per-person statistics are still kept (three months). */
  sentMailingsBesides(mailingId: string): SentMailing[] {
    return this.s.sentMailings.all(mailingId) as SentMailing[];
  }
}

/** The connection's segment store, made at first use: its statements are prepared once. */
export const segmentStoreOf = weakCache((sqlite: Database.Database) => new SegmentStore(sqlite));
