import type { z } from 'zod';
import type { TrackerClient } from '../../../tracker/client';
import type { AppContext } from '../core/appContext';
import type { Bundle, CreditOrder } from '../../contract/credits';
import { CreditLedgerStore } from './creditLedgerStore';
import { updateCredits } from './creditsState';

export const BUNDLES_KEY = 'credits.bundles';
export const ORDERS_KEY = 'credits.orders';
export const FETCHED_AT_KEY = 'credits.fetchedAt';
const LEDGER_LIMIT = 500;

export type BundleT = z.infer<typeof Bundle>;
export type CreditOrderT = z.infer<typeof CreditOrder>;

export function toOrder(order: {
  id: string;
  bundleId: string;
  credits: number;
  status: CreditOrderT['status'];
  createdAt: string;
}): CreditOrderT {
  return {
    id: order.id,
    bundleId: order.bundleId,
    credits: order.credits,
    status: order.status,
    createdAt: Date.parse(order.createdAt) || 0,
  };
}

/**
 * Fetches balance, ledger, bundles and orders and keeps a local copy, so the credits page and the
 * header still show the last known figures when the tracker cannot be reached.
 */
export async function refreshCreditsFromTracker(
  context: AppContext,
  client: TrackerClient,
): Promise<void> {
  const [balance, ledger, bundles, orders] = await Promise.all([
    client.balance(),
    client.ledger(LEDGER_LIMIT),
    client.bundles(),
    client.orders(),
  ]);
  const sqlite = context.database.sqlite;
  sqlite.transaction(() => {
    new CreditLedgerStore(sqlite).replace(
      ledger.entries.map((entry) => ({ ...entry, at: Date.parse(entry.at) || 0 })),
    );
    context.kv.set(BUNDLES_KEY, bundles.bundles);
    context.kv.set(ORDERS_KEY, orders.orders.map(toOrder));
    context.kv.set(FETCHED_AT_KEY, context.clock.now());
  })();
  updateCredits(context, balance);
}
