import type { SqlDriver } from '../sqlDriver';
import type { TrackerStore } from '../types';

/** Per-mailing link tables and web versions, and the content-addressed images. */
export function contentQueries(
  db: SqlDriver,
): Pick<
  TrackerStore,
  'putLinks' | 'getLinkUrl' | 'putWebVersion' | 'getWebVersion' | 'putAsset' | 'getAsset'
> {
  return {
    async putLinks(accountId, mailing, links) {
      await db.transaction(async (tx) => {
        for (const link of links) {
          await tx.run(
            `insert into links (account_id, mailing, link_id, url) values (?, ?, ?, ?)
             on conflict (account_id, mailing, link_id) do update set url = excluded.url`,
            [accountId, mailing, link.id, link.url],
          );
        }
      });
    },

    async getLinkUrl(accountId, mailing, linkId) {
      const rows = await db.all<{ url: string }>(
        'select url from links where account_id = ? and mailing = ? and link_id = ?',
        [accountId, mailing, linkId],
      );
      return rows[0]?.url ?? null;
    },

    async putWebVersion(accountId, mailing, html, now) {
      await db.run(
        `insert into web_versions (account_id, mailing, html, updated_at) values (?, ?, ?, ?)
         on conflict (account_id, mailing) do update set html = excluded.html, updated_at = excluded.updated_at`,
        [accountId, mailing, html, now],
      );
    },

    async getWebVersion(accountId, mailing) {
      const rows = await db.all<{ html: string }>(
        'select html from web_versions where account_id = ? and mailing = ?',
        [accountId, mailing],
      );
      return rows[0]?.html ?? null;
    },

    async putAsset(asset, accountId, now) {
      await db.run(
        `insert into assets (hash, mime, bytes, account_id, created_at) values (?, ?, ?, ?, ?)
         on conflict (hash) do nothing`,
        [asset.hash, asset.mime, asset.bytes, accountId, now],
      );
    },

    async getAsset(hash) {
      const rows = await db.all<{ hash: string; mime: string; bytes: Buffer }>(
        'select hash, mime, bytes from assets where hash = ?',
        [hash],
      );
      return rows[0]
        ? { hash: rows[0].hash, mime: rows[0].mime, bytes: Buffer.from(rows[0].bytes) }
        : null;
    },
  };
}
