import type { SqlDriver, SqlExecutor } from '../sqlDriver';
import {
  storeError,
  type Bundle,
  type CreditResult,
  type LedgerEntry,
  type Order,
  type Reservation,
  type TrackerStore,
} from '../types';
import { addLedger, balanceOf, forUpdateClause, lockAccount } from './shared';

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

async function reservationOf(tx: SqlExecutor, accountId: string, id: string) {
  const rows = await tx.all<ReservationRow>(
    'select id, reserved, committed, released, open from reservations where account_id = ? and id = ?',
    [accountId, id],
  );
  return rows[0] ? toReservation(rows[0]) : null;
}

/** Credits (grant, reserve, commit, release, ledger), bundles and order requests. */
export function creditQueries(
  db: SqlDriver,
): Pick<
  TrackerStore,
  | 'grantCredits'
  | 'getBalance'
  | 'reserveCredits'
  | 'commitCredits'
  | 'releaseCredits'
  | 'ledger'
  | 'addBundle'
  | 'listBundles'
  | 'createOrder'
  | 'listOrders'
  | 'fulfilOrder'
> {
  const forUpdate = forUpdateClause(db);
  return {
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
  };
}
