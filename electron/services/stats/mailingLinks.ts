import type Database from 'better-sqlite3';
import { statsAggregatesOf } from './statsAggregateStore';

/**
 * The link table of a sent mailing (the ids its click tokens carry), so "Bezoeken van links" can
 * show the URL. The send path calls this when it registers the links at the tracker; it is
 * idempotent (same mailing, same ids: the URLs are replaced).
 */
export function recordMailingLinks(
  sqlite: Database.Database,
  mailingId: string,
  links: readonly { id: number; url: string }[],
): void {
  statsAggregatesOf(sqlite).recordMailingLinks(mailingId, links);
}
