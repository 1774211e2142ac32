import { accountQueries } from './sql/accounts';
import { contentQueries } from './sql/content';
import { creditQueries } from './sql/credits';
import { eventQueries } from './sql/events';
import type { SqlDriver } from './sqlDriver';
import type { TrackerStore } from './types';

/**
 * The tracker's rules written once in SQL common to SQLite and PostgreSQL (store/sql/*), over
 * either driver. Credit operations lock the account row (PostgreSQL: FOR UPDATE; SQLite: BEGIN
 * IMMEDIATE) and check idempotency inside the same transaction, so retries never charge twice and
 * the balance never goes below zero.
 */
export function createSqlStore(db: SqlDriver): TrackerStore {
  return {
    kind: db.dialect,
    close: () => db.close(),
    ...accountQueries(db),
    ...creditQueries(db),
    ...contentQueries(db),
    ...eventQueries(db),
  };
}
