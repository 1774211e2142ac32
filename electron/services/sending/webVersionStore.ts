import type Database from 'better-sqlite3';
import { weakCache } from '../render/weakCache';

export interface WebVersionRow {
  uploadedAt: number | null;
  attempts: number;
  lastError: string | null;
}

/** Where each mailing's web version upload stands (table web_versions). */
export class WebVersionStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      row: sqlite.prepare(
        `select uploaded_at as uploadedAt, attempts, last_error as lastError from web_versions
         where mailing_id = ?`,
      ),
      request: sqlite.prepare(
        `insert into web_versions (mailing_id, requested_at) values (?, ?)
         on conflict (mailing_id) do update set requested_at = excluded.requested_at,
           uploaded_at = null, last_error = null, attempts = 0`,
      ),
      pending: sqlite
        .prepare(
          `select mailing_id as mailingId from web_versions
           where uploaded_at is null and attempts < ?`,
        )
        .pluck(),
      uploaded: sqlite.prepare(
        `update web_versions set uploaded_at = ?, attempts = attempts + 1, last_attempt_at = ?,
           last_error = null where mailing_id = ? and requested_at <= ?`,
      ),
      failed: sqlite.prepare(
        `update web_versions set attempts = attempts + 1, last_attempt_at = ?, last_error = ?
         where mailing_id = ?`,
      ),
    };
  }

  row(mailingId: string): WebVersionRow | undefined {
    return this.s.row.get(mailingId) as WebVersionRow | undefined;
  }

  /** (Re)marks the mailing as needing an upload, its attempts counted afresh. */
  request(mailingId: string, at: number): void {
    this.s.request.run(mailingId, at);
  }

  /** The mailings whose upload is still pending after fewer than `maxAttempts` tries. */
  pending(maxAttempts: number): string[] {
    return this.s.pending.all(maxAttempts) as string[];
  }

  /** An upload started at `startedAt` arrived; a newer request made since stays pending. */
  uploaded(mailingId: string, at: number, startedAt: number): void {
    this.s.uploaded.run(at, startedAt, mailingId, startedAt);
  }

  failed(mailingId: string, startedAt: number, detail: string): void {
    this.s.failed.run(startedAt, detail, mailingId);
  }
}

/** One store per connection, so its statements are prepared once. */
export const webVersionStoreOf = weakCache(
  (sqlite: Database.Database) => new WebVersionStore(sqlite),
);
