import type Database from 'better-sqlite3';

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
  const upsert = sqlite.prepare(
    `insert into mailing_links (mailing_id, link_id, url) values (?, ?, ?)
     on conflict (mailing_id, link_id) do update set url = excluded.url`,
  );
  sqlite.transaction(() => {
    for (const link of links) upsert.run(mailingId, link.id, link.url);
  })();
}

export function mailingLinkUrls(sqlite: Database.Database, mailingId: string): Map<number, string> {
  const rows = sqlite
    .prepare('select link_id as id, url from mailing_links where mailing_id = ?')
    .all(mailingId) as { id: number; url: string }[];
  return new Map(rows.map((r) => [r.id, r.url]));
}
