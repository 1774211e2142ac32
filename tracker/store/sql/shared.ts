import type { SqlExecutor } from '../sqlDriver';
import { storeError, type Balance, type LedgerEntry } from '../types';

/** Helpers the SQL store modules share; all run inside the caller's transaction. */
export const forUpdateClause = (tx: SqlExecutor) =>
  tx.dialect === 'postgres' ? ' for update' : '';

/** Locks the account row (PostgreSQL; SQLite already holds the write lock) and returns its balance. */
export async function lockAccount(tx: SqlExecutor, accountId: string): Promise<number> {
  const rows = await tx.all<{ balance: number }>(
    `select balance from accounts where id = ?${forUpdateClause(tx)}`,
    [accountId],
  );
  if (!rows[0]) throw storeError('not_found', 'account not found');
  return rows[0].balance;
}

export async function balanceOf(tx: SqlExecutor, accountId: string): Promise<Balance> {
  const rows = await tx.all<{ balance: number; reserved: number }>(
    `select a.balance as balance,
            cast(coalesce((select sum(r.reserved - r.committed - r.released) from reservations r
                           where r.account_id = a.id and r.open = 1), 0) as integer) as reserved
       from accounts a where a.id = ?`,
    [accountId],
  );
  if (!rows[0]) throw storeError('not_found', 'account not found');
  return { balance: rows[0].balance, reserved: rows[0].reserved };
}

export async function addLedger(
  tx: SqlExecutor,
  accountId: string,
  entry: LedgerEntry,
): Promise<void> {
  await tx.run(
    'insert into ledger (account_id, at, kind, delta, amount, reference) values (?, ?, ?, ?, ?, ?)',
    [accountId, entry.at, entry.kind, entry.delta, entry.amount, entry.reference],
  );
}
