import type { SqlDriver, SqlExecutor } from './sqlDriver';
import {
  storeError,
  type Account,
  type Balance,
  type Bundle,
  type CreditResult,
  type LedgerEntry,
  type NewEvent,
  type Order,
  type Reservation,
  type StoredEvent,
  type TrackerStore,
} from './types';

/**
 * The tracker's rules written once in SQL common to SQLite and PostgreSQL. Credit operations lock
 * the account row (PostgreSQL: FOR UPDATE; SQLite: BEGIN IMMEDIATE) and check idempotency inside
 * the same transaction, so retries never charge twice and the balance never goes below zero.
 */
interface AccountRow {
  id: string;
  user_name: string;
  shop_name: string;
  balance: number;
  created_at: number;
}
interface ReservationRow {
  id: string;
  reserved: number;
  committed: number;
  released: number;
  open: number;
}
interface OrderRow {
  id: string;
  account_id: string;
  bundle_id: string;
  credits: number;
  status: Order['status'];
  note: string | null;
  created_at: number;
}

const ACCOUNT_COLUMNS = 'id, user_name, shop_name, balance, created_at';
/** Serialises event writers in PostgreSQL so sequence order equals commit order (no cursor skips). */
const EVENT_WRITE_LOCK = 7707002;
const EVENT_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** 100 rows × 10 values stays under SQLite's and PostgreSQL's parameter limits. */
const EVENT_ROWS_PER_INSERT = 100;

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  userName: row.user_name,
  shopName: row.shop_name,
  balance: row.balance,
  createdAt: row.created_at,
});
const toReservation = (row: ReservationRow): Reservation => ({
  id: row.id,
  reserved: row.reserved,
  committed: row.committed,
  released: row.released,
  open: row.open === 1,
});
const toOrder = (row: OrderRow): Order => ({
  id: row.id,
  account: row.account_id,
  bundleId: row.bundle_id,
  credits: row.credits,
  status: row.status,
  note: row.note,
  createdAt: row.created_at,
});

export function createSqlStore(db: SqlDriver): TrackerStore {
  const forUpdate = db.dialect === 'postgres' ? ' for update' : '';

  async function lockAccount(tx: SqlExecutor, accountId: string): Promise<number> {
    const rows = await tx.all<{ balance: number }>(
      `select balance from accounts where id = ?${forUpdate}`,
      [accountId],
    );
    if (!rows[0]) throw storeError('not_found', 'account not found');
    return rows[0].balance;
  }

  async function balanceOf(tx: SqlExecutor, accountId: string): Promise<Balance> {
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

  async function reservationOf(tx: SqlExecutor, accountId: string, id: string) {
    const rows = await tx.all<ReservationRow>(
      'select id, reserved, committed, released, open from reservations where account_id = ? and id = ?',
      [accountId, id],
    );
    return rows[0] ? toReservation(rows[0]) : null;
  }

  async function addLedger(tx: SqlExecutor, accountId: string, entry: LedgerEntry): Promise<void> {
    await tx.run(
      'insert into ledger (account_id, at, kind, delta, amount, reference) values (?, ?, ?, ?, ?, ?)',
      [accountId, entry.at, entry.kind, entry.delta, entry.amount, entry.reference],
    );
  }

  /** Many rows per statement: far fewer statements (SQLite) and round trips (PostgreSQL). */
  async function insertEventRows(tx: SqlExecutor, events: NewEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += EVENT_ROWS_PER_INSERT) {
      const chunk = events.slice(start, start + EVENT_ROWS_PER_INSERT);
      await tx.run(
        `insert into events (id, account_id, kind, mailing, recipient, link_id, machine, at, ip, user_agent)
         values ${chunk.map(() => EVENT_ROW).join(', ')} on conflict (id) do nothing`,
        chunk.flatMap((e) => [
          e.id,
          e.account,
          e.kind,
          e.mailing,
          e.recipient,
          e.link,
          e.machine,
          e.at,
          e.ip,
          e.userAgent,
        ]),
      );
    }
  }

  const insertEvent = (tx: SqlExecutor, e: NewEvent) => insertEventRows(tx, [e]);

  async function lockEvents(tx: SqlExecutor): Promise<void> {
    if (tx.dialect === 'postgres')
      await tx.all('select pg_advisory_xact_lock(?)', [EVENT_WRITE_LOCK]);
  }

  return {
    kind: db.dialect,
    close: () => db.close(),

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

    async grantCredits(accountId, amount, note, now) {
      return db.transaction(async (tx) => {
        const balance = await lockAccount(tx, accountId);
        if (balance + amount < 0)
          throw storeError('insufficient_credits', 'balance would go below zero');
        await tx.run('update accounts set balance = balance + ? where id = ?', [amount, accountId]);
        await addLedger(tx, accountId, {
          at: now,
          kind: 'grant',
          delta: amount,
          amount,
          reference: note,
        });
        return balanceOf(tx, accountId);
      });
    },

    getBalance: (accountId) => balanceOf(db, accountId),

    async reserveCredits(accountId, reservationId, amount, now): Promise<CreditResult> {
      return db.transaction(async (tx) => {
        const balance = await lockAccount(tx, accountId);
        const existing = await reservationOf(tx, accountId, reservationId);
        if (existing) {
          if (existing.reserved !== amount) {
            throw storeError('conflict', `reservation ${reservationId} exists with another amount`);
          }
          return { reservation: existing, balance: await balanceOf(tx, accountId), replayed: true };
        }
        if (balance < amount) {
          throw storeError(
            'insufficient_credits',
            `${amount} credits needed, ${balance} available`,
          );
        }
        await tx.run('update accounts set balance = balance - ? where id = ?', [amount, accountId]);
        await tx.run(
          'insert into reservations (account_id, id, reserved, created_at) values (?, ?, ?, ?)',
          [accountId, reservationId, amount, now],
        );
        await addLedger(tx, accountId, {
          at: now,
          kind: 'reserve',
          delta: -amount,
          amount,
          reference: reservationId,
        });
        return {
          reservation: (await reservationOf(tx, accountId, reservationId))!,
          balance: await balanceOf(tx, accountId),
          replayed: false,
        };
      });
    },

    async commitCredits(accountId, reservationId, amount, idempotencyKey, now) {
      return db.transaction(async (tx) => {
        await lockAccount(tx, accountId);
        const done = await tx.all<{ reservation_id: string; amount: number }>(
          'select reservation_id, amount from credit_commits where account_id = ? and idempotency_key = ?',
          [accountId, idempotencyKey],
        );
        const reservation = await reservationOf(tx, accountId, reservationId);
        if (done[0]) {
          if (done[0].reservation_id !== reservationId || done[0].amount !== amount) {
            throw storeError(
              'conflict',
              `idempotency key ${idempotencyKey} was used for another commit`,
            );
          }
          return {
            reservation: reservation!,
            balance: await balanceOf(tx, accountId),
            replayed: true,
          };
        }
        if (!reservation) throw storeError('not_found', `reservation ${reservationId} not found`);
        if (!reservation.open)
          throw storeError('conflict', `reservation ${reservationId} is closed`);
        const remaining = reservation.reserved - reservation.committed - reservation.released;
        if (amount > remaining) {
          throw storeError(
            'conflict',
            `commit of ${amount} exceeds the ${remaining} credits left in the reservation`,
          );
        }
        await tx.run(
          'insert into credit_commits (account_id, idempotency_key, reservation_id, amount) values (?, ?, ?, ?)',
          [accountId, idempotencyKey, reservationId, amount],
        );
        await tx.run(
          'update reservations set committed = committed + ? where account_id = ? and id = ?',
          [amount, accountId, reservationId],
        );
        await addLedger(tx, accountId, {
          at: now,
          kind: 'commit',
          delta: 0,
          amount,
          reference: reservationId,
        });
        return {
          reservation: (await reservationOf(tx, accountId, reservationId))!,
          balance: await balanceOf(tx, accountId),
          replayed: false,
        };
      });
    },

    async releaseCredits(accountId, reservationId, now) {
      return db.transaction(async (tx) => {
        await lockAccount(tx, accountId);
        const reservation = await reservationOf(tx, accountId, reservationId);
        if (!reservation) throw storeError('not_found', `reservation ${reservationId} not found`);
        if (!reservation.open) {
          return { reservation, balance: await balanceOf(tx, accountId), replayed: true };
        }
        const rest = reservation.reserved - reservation.committed - reservation.released;
        await tx.run(
          'update reservations set released = released + ?, open = 0 where account_id = ? and id = ?',
          [rest, accountId, reservationId],
        );
        await tx.run('update accounts set balance = balance + ? where id = ?', [rest, accountId]);
        await addLedger(tx, accountId, {
          at: now,
          kind: 'release',
          delta: rest,
          amount: rest,
          reference: reservationId,
        });
        return {
          reservation: (await reservationOf(tx, accountId, reservationId))!,
          balance: await balanceOf(tx, accountId),
          replayed: false,
        };
      });
    },

    async ledger(accountId, limit) {
      return db.all<LedgerEntry>(
        'select at, kind, delta, amount, reference from ledger where account_id = ? order by id desc limit ?',
        [accountId, limit],
      );
    },

    async addBundle(bundle) {
      await db.run(
        `insert into bundles (id, name, credits, price_cents, active) values (?, ?, ?, ?, ?)
         on conflict (id) do update set name = excluded.name, credits = excluded.credits,
           price_cents = excluded.price_cents, active = excluded.active`,
        [bundle.id, bundle.name, bundle.credits, bundle.priceCents, bundle.active ? 1 : 0],
      );
    },

    async listBundles() {
      const rows = await db.all<{
        id: string;
        name: string;
        credits: number;
        price_cents: number;
        active: number;
      }>('select id, name, credits, price_cents, active from bundles order by credits');
      return rows.map((r): Bundle => ({
        id: r.id,
        name: r.name,
        credits: r.credits,
        priceCents: r.price_cents,
        active: r.active === 1,
      }));
    },

    async createOrder({ id, account, bundleId, idempotencyKey, note, now }) {
      return db.transaction(async (tx) => {
        await lockAccount(tx, account);
        const existing = await tx.all<OrderRow>(
          'select * from orders where account_id = ? and idempotency_key = ?',
          [account, idempotencyKey],
        );
        if (existing[0]) {
          if (existing[0].bundle_id !== bundleId) {
            throw storeError(
              'conflict',
              `idempotency key ${idempotencyKey} was used for another order`,
            );
          }
          return toOrder(existing[0]);
        }
        const bundles = await tx.all<{ credits: number }>(
          'select credits from bundles where id = ? and active = 1',
          [bundleId],
        );
        if (!bundles[0]) throw storeError('not_found', `bundle ${bundleId} not found`);
        await tx.run(
          `insert into orders (id, account_id, bundle_id, credits, status, note, idempotency_key, created_at)
           values (?, ?, ?, ?, 'requested', ?, ?, ?)`,
          [id, account, bundleId, bundles[0].credits, note, idempotencyKey, now],
        );
        const rows = await tx.all<OrderRow>('select * from orders where id = ?', [id]);
        return toOrder(rows[0]!);
      });
    },

    async listOrders(accountId) {
      const rows = accountId
        ? await db.all<OrderRow>(
            'select * from orders where account_id = ? order by created_at, id',
            [accountId],
          )
        : await db.all<OrderRow>('select * from orders order by created_at, id');
      return rows.map(toOrder);
    },

    async fulfilOrder(orderId, now) {
      return db.transaction(async (tx) => {
        const rows = await tx.all<OrderRow>(`select * from orders where id = ?${forUpdate}`, [
          orderId,
        ]);
        const order = rows[0];
        if (!order) throw storeError('not_found', `order ${orderId} not found`);
        if (order.status !== 'requested')
          throw storeError('conflict', `order ${orderId} is ${order.status}`);
        await lockAccount(tx, order.account_id);
        await tx.run("update orders set status = 'fulfilled' where id = ?", [orderId]);
        await tx.run('update accounts set balance = balance + ? where id = ?', [
          order.credits,
          order.account_id,
        ]);
        await addLedger(tx, order.account_id, {
          at: now,
          kind: 'grant',
          delta: order.credits,
          amount: order.credits,
          reference: `order ${orderId}`,
        });
        return toOrder({ ...order, status: 'fulfilled' });
      });
    },

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

    async insertEvents(events) {
      if (events.length === 0) return;
      // Opens and clicks: relaxed commits keep the disk flush off the request path. Unsubscribes,
      // confirmations and credits below always wait for the disk.
      await db.transaction(
        async (tx) => {
          await lockEvents(tx);
          await insertEventRows(tx, events);
        },
        { relaxed: true },
      );
    },

    async unsubscribe(event) {
      return db.transaction(async (tx) => {
        await lockEvents(tx);
        const added = await tx.run(
          `insert into suppressions (account_id, recipient, mailing, at) values (?, ?, ?, ?)
           on conflict (account_id, recipient) do nothing`,
          [event.account, event.recipient, event.mailing, event.at],
        );
        if (added) await insertEvent(tx, event);
        return added > 0;
      });
    },

    async confirm(event) {
      await db.transaction(async (tx) => {
        await lockEvents(tx);
        await insertEvent(tx, event);
        if (!event.machine) {
          await tx.run('delete from suppressions where account_id = ? and recipient = ?', [
            event.account,
            event.recipient,
          ]);
        }
      });
    },

    async eventsAfter(accountId, cursor, limit) {
      const after = cursor === null ? 0 : Number(cursor);
      // Arrays, not row objects: a 10,000-row page is the hot path of a sync.
      const rows = await db.allArrays(
        `select seq, id, kind, mailing, recipient, link_id, machine, at from events
          where account_id = ? and seq > ? order by seq limit ?`,
        [accountId, after, limit],
      );
      const events = rows.map((r): StoredEvent => ({
        seq: r[0] as number,
        id: r[1] as string,
        kind: r[2] as StoredEvent['kind'],
        mailing: r[3] as string,
        recipient: r[4] as string | null,
        link: r[5] as number | null,
        machine: r[6] as StoredEvent['machine'],
        at: r[7] as number,
      }));
      const last = events[events.length - 1];
      return { events, nextCursor: last ? String(last.seq) : cursor };
    },

    async listSuppressions(accountId) {
      return db.all<{ recipient: string; mailing: string | null; at: number }>(
        'select recipient, mailing, at from suppressions where account_id = ? order by at, recipient',
        [accountId],
      );
    },

    async anonymiseEventsBefore(cutoff) {
      return db.run(
        'update events set recipient = null, ip = null, user_agent = null where at < ? and recipient is not null',
        [cutoff],
      );
    },
  };
}
