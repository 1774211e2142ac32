import { z } from 'zod';
import { channel } from './channel';
import { Empty, Timestamp } from './common';

export { CREDITS_PER_MAIL } from './plain/credits';

export const Bundle = z.object({
  id: z.string(),
  name: z.string(),
  credits: z.number().int(),
  priceCents: z.number().int(),
});

export const CreditOrder = z.object({
  id: z.string(),
  bundleId: z.string(),
  credits: z.number().int(),
  status: z.enum(['requested', 'fulfilled', 'cancelled']),
  createdAt: Timestamp,
});

export const CreditsView = z.object({
  linked: z.boolean(),
  balance: z.number().int(),
  reserved: z.number().int(),
  /** The reseller's bundles (last known when the tracker cannot be reached). */
  bundles: z.array(Bundle),
  orders: z.array(CreditOrder),
  perMail: z.object({ newsletter: z.number().int(), voucher: z.number().int() }),
  /** When balance and bundles were last fetched from the tracker (null: never). */
  fetchedAt: Timestamp.nullable(),
  /** The tracker could not be reached just now: figures are the last known ones. */
  offline: z.boolean(),
});

export const LedgerKind = z.enum(['grant', 'reserve', 'commit', 'release']);

export const LedgerRow = z.object({
  at: Timestamp,
  kind: LedgerKind,
  /** Change to the free balance. */
  delta: z.number().int(),
  amount: z.number().int(),
  /** The send (reference) and its mailing's subject when known here. */
  sendId: z.string().nullable(),
  subject: z.string().nullable(),
});

export const OrderInput = z.object({
  bundleId: z.string().min(1).max(128),
  /** Same key on a retry or double click: one order. */
  idempotencyKey: z.string().min(8).max(200),
});

export const creditsChannels = {
  'credits.get': channel(Empty, CreditsView),
  'credits.history': channel(Empty, z.array(LedgerRow)),
  /** Asks the reseller for a bundle; the tracker records the request. */
  'credits.order': channel(OrderInput, CreditOrder),
};
