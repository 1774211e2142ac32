import type { SqlDriver } from '../sqlDriver';
import { storeError, type Account, type TrackerStore } from '../types';
import { forUpdateClause, lockAccount } from './shared';

interface AccountRow {
  id: string;
  user_name: string;
  shop_name: string;
  balance: number;
  created_at: number;
}

const ACCOUNT_COLUMNS = 'id, user_name, shop_name, balance, created_at';

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  userName: row.user_name,
  shopName: row.shop_name,
  balance: row.balance,
  createdAt: row.created_at,
});

/** Accounts, logins (failure counts and locks), signing keys and sessions. */
export function accountQueries(
  db: SqlDriver,
): Pick<
  TrackerStore,
  | 'createAccount'
  | 'getAccount'
  | 'findAccountByUserName'
  | 'listAccounts'
  | 'setShopName'
  | 'setPasswordHash'
  | 'getLogin'
  | 'recordLoginFailure'
  | 'resetLoginFailures'
  | 'addKey'
  | 'getKey'
  | 'currentKey'
  | 'listKids'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'deleteExpiredSessions'
> {
  const forUpdate = forUpdateClause(db);
  return {
    async createAccount({ id, userName, shopName, passwordHash, key, now }) {
      return db.transaction(async (tx) => {
        const existing = await tx.all('select id from accounts where user_name = ?', [userName]);
        if (existing.length) throw storeError('conflict', `user name ${userName} is taken`);
        await tx.run(
          `insert into accounts (id, user_name, shop_name, password_hash, created_at) values (?, ?, ?, ?, ?)`,
          [id, userName, shopName, passwordHash, now],
        );
        await tx.run(
          'insert into signing_keys (account_id, kid, secret, position, created_at) values (?, ?, ?, 1, ?)',
          [id, key.kid, key.key, now],
        );
        return { id, userName, shopName, balance: 0, createdAt: now };
      });
    },

    async getAccount(id) {
      const rows = await db.all<AccountRow>(
        `select ${ACCOUNT_COLUMNS} from accounts where id = ?`,
        [id],
      );
      return rows[0] ? toAccount(rows[0]) : null;
    },

    async findAccountByUserName(userName) {
      const rows = await db.all<AccountRow>(
        `select ${ACCOUNT_COLUMNS} from accounts where user_name = ?`,
        [userName],
      );
      return rows[0] ? toAccount(rows[0]) : null;
    },

    async listAccounts() {
      const rows = await db.all<AccountRow>(
        `select ${ACCOUNT_COLUMNS} from accounts order by user_name`,
      );
      return rows.map(toAccount);
    },

    async setShopName(accountId, shopName) {
      if (
        !(await db.run('update accounts set shop_name = ? where id = ?', [shopName, accountId]))
      ) {
        throw storeError('not_found', 'account not found');
      }
    },

    async setPasswordHash(accountId, passwordHash) {
      const changed = await db.run(
        'update accounts set password_hash = ?, failed_logins = 0, locked_until = 0 where id = ?',
        [passwordHash, accountId],
      );
      if (!changed) throw storeError('not_found', 'account not found');
    },

    async getLogin(userName) {
      const rows = await db.all<{
        id: string;
        password_hash: string;
        failed_logins: number;
        locked_until: number;
      }>(
        'select id, password_hash, failed_logins, locked_until from accounts where user_name = ?',
        [userName],
      );
      const row = rows[0];
      return row
        ? {
            id: row.id,
            passwordHash: row.password_hash,
            failedLogins: row.failed_logins,
            lockedUntil: row.locked_until,
          }
        : null;
    },

    async recordLoginFailure(accountId, lockUntil) {
      return db.transaction(async (tx) => {
        const rows = await tx.all<{ failed_logins: number }>(
          `select failed_logins from accounts where id = ?${forUpdate}`,
          [accountId],
        );
        const failures = (rows[0]?.failed_logins ?? 0) + 1;
        const lockedUntil = lockUntil(failures);
        await tx.run('update accounts set failed_logins = ?, locked_until = ? where id = ?', [
          failures,
          lockedUntil,
          accountId,
        ]);
        return { failures, lockedUntil };
      });
    },

    async resetLoginFailures(accountId) {
      await db.run('update accounts set failed_logins = 0, locked_until = 0 where id = ?', [
        accountId,
      ]);
    },

    async addKey(accountId, key, now) {
      await db.transaction(async (tx) => {
        await lockAccount(tx, accountId);
        const rows = await tx.all<{ top: number | null }>(
          'select max(position) as top from signing_keys where account_id = ?',
          [accountId],
        );
        await tx.run(
          'insert into signing_keys (account_id, kid, secret, position, created_at) values (?, ?, ?, ?, ?)',
          [accountId, key.kid, key.key, (rows[0]?.top ?? 0) + 1, now],
        );
      });
    },

    async getKey(accountId, kid) {
      const rows = await db.all<{ secret: Buffer }>(
        'select secret from signing_keys where account_id = ? and kid = ?',
        [accountId, kid],
      );
      return rows[0] ? Buffer.from(rows[0].secret) : null;
    },

    async currentKey(accountId) {
      const rows = await db.all<{ kid: string; secret: Buffer }>(
        'select kid, secret from signing_keys where account_id = ? order by position desc limit 1',
        [accountId],
      );
      return rows[0] ? { kid: rows[0].kid, key: Buffer.from(rows[0].secret) } : null;
    },

    async listKids(accountId) {
      const rows = await db.all<{ kid: string }>(
        'select kid from signing_keys where account_id = ? order by position',
        [accountId],
      );
      return rows.map((r) => r.kid);
    },

    async createSession(tokenHash, accountId, now, expiresAt) {
      await db.run(
        'insert into sessions (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)',
        [tokenHash, accountId, now, expiresAt],
      );
    },

    async findSession(tokenHash, now) {
      const rows = await db.all<{ account_id: string }>(
        'select account_id from sessions where token_hash = ? and expires_at > ?',
        [tokenHash, now],
      );
      return rows[0]?.account_id ?? null;
    },

    async deleteSession(tokenHash) {
      await db.run('delete from sessions where token_hash = ?', [tokenHash]);
    },

    deleteExpiredSessions: (now) => db.run('delete from sessions where expires_at <= ?', [now]),
  };
}
