import { DomainError } from '../../contract';
import { CREDITS_PER_MAIL } from '../../contract/credits';
import { TrackerError } from '../../../tracker/client';
import type { AppContext } from '../core/appContext';
import { linkedClient } from '../account/accountLink';
import { readCredits } from '../app/appService';
import type { HandlerImpls } from '../core/handlerTable';
import { CreditLedgerStore } from './creditLedgerStore';
import {
  BUNDLES_KEY,
  FETCHED_AT_KEY,
  ORDERS_KEY,
  refreshCreditsFromTracker,
  toOrder,
  type BundleT,
  type CreditOrderT,
} from './creditsRefresh';

type CreditsChannels = 'credits.get' | 'credits.history' | 'credits.order';

function notLinked(): DomainError {
  return new DomainError('unavailable', 'Not logged in to the account', 'credits:errors.notLinked');
}

/** Credits ophogen: balance, reservations, the ledger, the reseller's bundles, and ordering. */
export function createCreditsHandlers(context: AppContext): Pick<HandlerImpls, CreditsChannels> {
  const ledger = new CreditLedgerStore(context.database.sqlite);

  /** Fresh figures when the tracker answers; otherwise the last known ones, marked offline. */
  async function refresh(): Promise<boolean> {
    const linked = linkedClient(context);
    if (!linked) return false;
    try {
      await refreshCreditsFromTracker(context, linked.client);
      return false;
    } catch (error) {
      context.logger.info('credits: tracker not reachable, showing last known figures', error);
      return true;
    }
  }

  return {
    'credits.get': async () => {
      const offline = await refresh();
      const { balance, reserved } = readCredits(context.kv);
      return {
        linked: linkedClient(context) !== null,
        balance,
        reserved,
        bundles: context.kv.get<BundleT[]>(BUNDLES_KEY) ?? [],
        orders: context.kv.get<CreditOrderT[]>(ORDERS_KEY) ?? [],
        perMail: { ...CREDITS_PER_MAIL },
        fetchedAt: context.kv.get<number>(FETCHED_AT_KEY) ?? null,
        offline,
      };
    },

    'credits.history': () => ledger.history(),

    'credits.order': async ({ bundleId, idempotencyKey }) => {
      const linked = linkedClient(context);
      if (!linked) throw notLinked();
      try {
        const order = toOrder(await linked.client.orderBundle(bundleId, idempotencyKey));
        const orders = context.kv.get<CreditOrderT[]>(ORDERS_KEY) ?? [];
        context.kv.set(ORDERS_KEY, [order, ...orders.filter((o) => o.id !== order.id)]);
        return order;
      } catch (error) {
        if (error instanceof TrackerError && error.code === 'not_found') {
          throw new DomainError('not_found', error.message, 'credits:errors.bundleUnknown');
        }
        if (error instanceof TrackerError && error.code === 'unauthorized') {
          throw new DomainError('unavailable', error.message, 'accountLink:errors.sessionExpired');
        }
        if (error instanceof TrackerError && error.code === 'network') {
          throw new DomainError('unavailable', error.message, 'accountLink:errors.offline');
        }
        throw error;
      }
    },
  };
}
