import { z } from 'zod';
import { channel } from './channel';
import { EmailAddress, Timestamp } from './common';

export const SuppressionReason = z.enum([
  'unsubscribed',
  'hard_bounce',
  'soft_bounce',
  'complaint',
  'manual',
]);

export const SuppressionEntryView = z.object({
  id: z.number().int(),
  /** Null after the person was erased: only the hash is kept. */
  email: z.string().nullable(),
  reason: SuppressionReason,
  source: z.string(),
  detail: z.string(),
  createdAt: Timestamp,
});
export type SuppressionEntryViewT = z.infer<typeof SuppressionEntryView>;

export const AddressStatus = z.object({
  email: z.string(),
  suppression: SuppressionEntryView.nullable(),
  softBounces: z.number().int(),
  /** The latest re-subscription request for this address. */
  resubscribe: z.object({ requestedAt: Timestamp, confirmedAt: Timestamp.nullable() }).nullable(),
  /** In how many selections the address is now. */
  selections: z.number().int(),
  canLift: z.boolean(),
  canResubscribe: z.boolean(),
});
export type AddressStatusT = z.infer<typeof AddressStatus>;

const ByEmail = z.object({ email: EmailAddress }).strict();

export const suppressionChannels = {
  'suppression.list': channel(
    z
      .object({
        query: z.string().trim().max(254).default(''),
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
      })
      .strict()
      .default({ query: '', limit: 50, offset: 0 }),
    z.object({ total: z.number().int(), entries: z.array(SuppressionEntryView) }),
  ),
  'suppression.status': channel(ByEmail, AddressStatus),
  /** A block entered by hand: the customer asked not to be mailed (or unsubscribed by phone). */
  'suppression.add': channel(
    z
      .object({
        email: EmailAddress,
        reason: z.enum(['manual', 'unsubscribed']).default('manual'),
        detail: z.string().trim().max(500).default(''),
      })
      .strict(),
    AddressStatus,
  ),
  /** Only a soft-bounce block may be lifted by hand; everything else needs the customer's confirmation. */
  'suppression.lift': channel(ByEmail, AddressStatus),
  /** Mails the customer a confirmation link (double opt-in); the click lifts the suppression. */
  'suppression.resubscribe': channel(
    ByEmail,
    z.object({ status: AddressStatus, sentTo: z.string() }),
  ),
};
