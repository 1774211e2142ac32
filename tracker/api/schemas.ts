import { z } from 'zod';

/**
 * The tracker's HTTP API, declared once: the server validates requests with these schemas and the
 * client (tracker/client.ts) takes its types from them and checks answers against them.
 */
const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');
/**
 * Free text the store keeps or looks up. PostgreSQL text cannot hold NUL (the query fails), so it is
 * refused here as bad input on both stores rather than a 500 on one of them.
 */
// eslint-disable-next-line no-control-regex
const storedText = () => z.string().regex(/^[^\u0000]*$/, 'no NUL characters');
const idempotencyKey = storedText().min(1).max(200);
const credits = z.int().positive().max(100_000_000);

export const mailingIdSchema = id;

export const loginInput = z.object({
  userName: storedText().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export const balanceOutput = z.object({ balance: z.int(), reserved: z.int() });

export const accountOutput = z.object({
  account: z.string(),
  userName: z.string(),
  shopName: z.string(),
  /** The key id and base64 signing key the app signs its tokens with (rotations show up here). */
  kid: z.string(),
  signingKey: z.string(),
  balance: z.int(),
  reserved: z.int(),
});

export const loginOutput = accountOutput.extend({ token: z.string() });

export const reserveInput = z.object({ reservationId: idempotencyKey, amount: credits });
export const commitInput = z.object({
  reservationId: idempotencyKey,
  amount: credits,
  idempotencyKey,
});
export const releaseInput = z.object({ reservationId: idempotencyKey });

export const creditResultOutput = z.object({
  reservation: z.object({
    id: z.string(),
    reserved: z.int(),
    committed: z.int(),
    released: z.int(),
    open: z.boolean(),
  }),
  balance: z.int(),
  reserved: z.int(),
  replayed: z.boolean(),
});

export const ledgerOutput = z.object({
  entries: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['grant', 'reserve', 'commit', 'release']),
      delta: z.int(),
      amount: z.int(),
      reference: z.string().nullable(),
    }),
  ),
});

export const bundlesOutput = z.object({
  bundles: z.array(
    z.object({ id: z.string(), name: z.string(), credits: z.int(), priceCents: z.int() }),
  ),
});

export const orderInput = z.object({
  bundleId: id,
  idempotencyKey,
  note: storedText().max(1000).optional(),
});

export const orderOutput = z.object({
  id: z.string(),
  bundleId: z.string(),
  credits: z.int(),
  status: z.enum(['requested', 'fulfilled', 'cancelled']),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const ordersOutput = z.object({ orders: z.array(orderOutput) });

export const MAX_LINK_URL_LENGTH = 2048;
export const linksInput = z.object({
  links: z
    .array(
      z.object({
        id: z.int().min(0).max(1_000_000),
        url: z.string().min(1).max(MAX_LINK_URL_LENGTH),
      }),
    )
    .min(1)
    .max(5000),
});

export const MAX_WEB_VERSION_BYTES = 2 * 1024 * 1024;
export const webVersionInput = z.object({
  html: storedText().min(1).max(MAX_WEB_VERSION_BYTES),
});

export const assetOutput = z.object({
  hash: z.string(),
  url: z.string(),
  mime: z.string(),
  size: z.int(),
});

export const MAX_EVENTS_PAGE = 10_000;
export const eventsQuery = z.object({
  after: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EVENTS_PAGE).default(1000),
});

export const eventOutput = z.object({
  id: z.string(),
  kind: z.enum(['open', 'click', 'unsubscribe', 'confirm']),
  mailing: z.string(),
  /** Null once anonymised after three months. */
  recipient: z.string().nullable(),
  link: z.int().nullable(),
  machine: z.boolean(),
  machineReason: z
    .enum(['apple-privacy-proxy', 'link-scanner', 'no-user-agent', 'too-fast'])
    .nullable(),
  at: z.string(),
});
export const eventsOutput = z.object({
  events: z.array(eventOutput),
  nextCursor: z.string().nullable(),
});

export const suppressionsOutput = z.object({
  suppressions: z.array(
    z.object({ recipient: z.string(), mailing: z.string().nullable(), at: z.string() }),
  ),
});

export const okOutput = z.object({ ok: z.literal(true) });

export const errorOutput = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageNl: z.string().optional(),
    retryAfter: z.number().optional(),
    issues: z.unknown().optional(),
  }),
});

export type LoginInput = z.infer<typeof loginInput>;
export type LoginOutput = z.infer<typeof loginOutput>;
export type AccountOutput = z.infer<typeof accountOutput>;
export type BalanceOutput = z.infer<typeof balanceOutput>;
export type CreditResultOutput = z.infer<typeof creditResultOutput>;
export type LedgerOutput = z.infer<typeof ledgerOutput>;
export type BundlesOutput = z.infer<typeof bundlesOutput>;
export type OrderInput = z.infer<typeof orderInput>;
export type OrderOutput = z.infer<typeof orderOutput>;
export type LinksInput = z.infer<typeof linksInput>;
export type AssetOutput = z.infer<typeof assetOutput>;
export type EventOutput = z.infer<typeof eventOutput>;
export type EventsOutput = z.infer<typeof eventsOutput>;
export type SuppressionsOutput = z.infer<typeof suppressionsOutput>;
export type ErrorOutput = z.infer<typeof errorOutput>;
