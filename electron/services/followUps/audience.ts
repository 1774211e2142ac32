import type Database from 'better-sqlite3';
import { FollowUpStore } from './followUpStore';

// One store per connection, so its statements are prepared once rather than on every send.
const stores = new WeakMap<Database.Database, FollowUpStore>();

function storeFor(sqlite: Database.Database): FollowUpStore {
  let store = stores.get(sqlite);
  if (!store) {
    store = new FollowUpStore(sqlite);
    stores.set(sqlite, store);
  }
  return store;
}

/** Whether the mailing is a follow-up's own copy (its audience is the original's non-openers). */
export function isFollowUpMailing(sqlite: Database.Database, mailingId: string): boolean {
  return storeFor(sqlite).originalOf(mailingId) !== undefined;
}

/** For a follow-up's own mailing, the addresses it may go to; null for any other mailing. */
export function followUpAudience(sqlite: Database.Database, mailingId: string): Set<string> | null {
  const store = storeFor(sqlite);
  const original = store.originalOf(mailingId);
  return original === undefined ? null : store.nonOpeners(original);
}
