import type Database from 'better-sqlite3';
import { weakCache } from '../render/weakCache';

export interface ResubscribeRequestRow {
  id: string;
  normalizedEmail: string;
  requestedAt: number;
  confirmedAt: number | null;
}

/** The re-subscription requests (table resubscribe_requests), one per confirmation mail sent. */
export class ResubscribeStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      latest: sqlite.prepare(
        `select requested_at as requestedAt, confirmed_at as confirmedAt from resubscribe_requests
         where normalized_email = ? order by requested_at desc limit 1`,
      ),
      openSince: sqlite.prepare(
        `select requested_at as requestedAt from resubscribe_requests
         where normalized_email = ? and confirmed_at is null and requested_at > ?
         order by requested_at desc limit 1`,
      ),
      insert: sqlite.prepare(
        'insert into resubscribe_requests (id, normalized_email, requested_at) values (?, ?, ?)',
      ),
      remove: sqlite.prepare('delete from resubscribe_requests where id = ?'),
      get: sqlite.prepare(
        `select id, normalized_email as normalizedEmail, requested_at as requestedAt,
                confirmed_at as confirmedAt from resubscribe_requests where id = ?`,
      ),
      confirm: sqlite.prepare('update resubscribe_requests set confirmed_at = ? where id = ?'),
    };
  }

  /** The address's newest request, confirmed or not. */
  latest(normalized: string): { requestedAt: number; confirmedAt: number | null } | undefined {
    return this.s.latest.get(normalized) as
      { requestedAt: number; confirmedAt: number | null } | undefined;
  }

  /** When the address's newest unconfirmed request after `since` was made, if there is one. */
  openRequestSince(normalized: string, since: number): number | undefined {
    const row = this.s.openSince.get(normalized, since) as { requestedAt: number } | undefined;
    return row?.requestedAt;
  }

  insert(id: string, normalized: string, at: number): void {
    this.s.insert.run(id, normalized, at);
  }

  remove(id: string): void {
    this.s.remove.run(id);
  }

  get(id: string): ResubscribeRequestRow | undefined {
    return this.s.get.get(id) as ResubscribeRequestRow | undefined;
  }

  confirm(id: string, at: number): void {
    this.s.confirm.run(at, id);
  }
}

/** One store per connection, so its statements are prepared once. */
export const resubscribeStoreOf = weakCache(
  (sqlite: Database.Database) => new ResubscribeStore(sqlite),
);
