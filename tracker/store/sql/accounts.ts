import type { SqlDriver } from '../sqlDriver';
import { storeError, type Account, type TrackerStore } from '../types';
import { lockAccount } from './shared';

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
  | 'loginLock'
  | 'recordLoginFailure'
  | 'resetLoginFailures'
  | 'countLoginAttempt'
  | 'pruneLoginThrottle'
  | 'addKey'
  | 'getKey'
  | 'currentKey'
  | 'listKids'
  | 'createSession'
  | 'findSession'
  | 'deleteSession'
  | 'deleteExpiredSessions'
> {
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
      const changed = await db.run('update accounts set password_hash = ? where id = ?', [
        passwordHash,
        accountId,
      ]);
      if (!changed) throw storeError('not_found', 'account not found');
      await db.run('delete from login_locks where account_id = ?', [accountId]);
    },

    async getLogin(userName) {
      const rows = await db.all<{ id: string; password_hash: string }>(
        'select id, password_hash from accounts where user_name = ?',
        [userName],
      );
      const row = rows[0];
      return row ? { id: row.id, passwordHash: row.password_hash } : null;
    },

    async loginLock(accountId, network) {
      const rows = await db.all<{ failures: number; locked_until: number }>(
        'select failures, locked_until from login_locks where account_id = ? and network = ?',
        [accountId, network],
      );
      return { failures: rows[0]?.failures ?? 0, lockedUntil: rows[0]?.locked_until ?? 0 };
    },

    async recordLoginFailure(accountId, network, lockUntil) {
      return db.transaction(async (tx) => {
        // The account row serialises failures of one account across processes and machines.
        await lockAccount(tx, accountId);
        const rows = await tx.all<{ failures: number }>(
          'select failures from login_locks where account_id = ? and network = ?',
          [accountId, network],
        );
        const failures = (rows[0]?.failures ?? 0) + 1;
        const lockedUntil = lockUntil(failures);
        await tx.run(
          `insert into login_locks (account_id, network, failures, locked_until) values (?, ?, ?, ?)
           on conflict (account_id, network) do update
             set failures = excluded.failures, locked_until = excluded.locked_until`,
          [accountId, network, failures, lockedUntil],
        );
        return { failures, lockedUntil };
      });
    },

    async resetLoginFailures(accountId, network) {
      if (network === undefined)
        await db.run('delete from login_locks where account_id = ?', [accountId]);
      else
        await db.run('delete from login_locks where account_id = ? and network = ?', [
          accountId,
          network,
        ]);
    },

    async countLoginAttempt(scope, now, windowMs) {
      // One statement: atomic in both databases, so parallel attempts on any process all count.
      const expired = now - windowMs;
      const rows = await db.all<{ window_start: number; attempts: number }>(
        `insert into login_windows (scope, window_start, attempts) values (?, ?, 1)
         on conflict (scope) do update set
           attempts = case when login_windows.window_start <= ? then 1
                           else login_windows.attempts + 1 end,
           window_start = case when login_windows.window_start <= ? then excluded.window_start
                               else login_windows.window_start end
         returning window_start, attempts`,
        [scope, now, expired, expired],
      );
      return { windowStart: Number(rows[0]!.window_start), attempts: Number(rows[0]!.attempts) };
    },

    async pruneLoginThrottle(before) {
      const windows = await db.run('delete from login_windows where window_start < ?', [before]);
      const locks = await db.run('delete from login_locks where locked_until < ?', [before]);
      return windows + locks;
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
