import { z } from 'zod';
import { channel } from './channel';
import { Empty, OptionalEmailAddress, Timestamp } from './common';

export const ImapSecurity = z.enum(['tls', 'starttls', 'none']);

const BounceMailboxFields = z.object({
  /** Off: the mailbox is kept but not polled. */
  enabled: z.boolean(),
  /** The bounce mailbox's own address: outgoing mail uses it (with a VERP tag) as Return-Path. */
  address: OptionalEmailAddress,
  host: z
    .string()
    .trim()
    .max(253)
    .regex(/^$|^[a-zA-Z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, { message: 'bounces:errors.host' }),
  port: z
    .number({ message: 'bounces:errors.port' })
    .int({ message: 'bounces:errors.port' })
    .min(1, { message: 'bounces:errors.port' })
    .max(65535, { message: 'bounces:errors.port' }),
  security: ImapSecurity,
  user: z.string().trim().max(254),
  /** Put the send job in the Return-Path (bounces+j123-…@); needs a provider that accepts +tags. */
  useVerp: z.boolean(),
});

export const BounceMailboxStatus = z.object({
  lastPollAt: Timestamp.nullable(),
  /** The last poll's problem as an i18n key (bounces:errors.*), null when it went well. */
  lastProblemKey: z.string().nullable(),
  lastProblem: z.string().nullable(),
});

/** What the renderer sees: never the password itself. */
export const BounceSettingsView = BounceMailboxFields.extend({
  passwordSet: z.boolean(),
  configured: z.boolean(),
  status: BounceMailboxStatus,
});

/**
 * A patch over the stored settings: fields left out keep their value (nothing is reset by a
 * partial update). password: undefined keeps the stored one, '' removes it.
 */
export const BounceSettingsInput = BounceMailboxFields.partial()
  .extend({ password: z.string().max(500).optional() })
  .strict();

export const BounceConnectionTest = z.object({
  ok: z.literal(true),
  unseen: z.number().int().nonnegative(),
  processedFolder: z.string(),
});

export const PollResult = z.object({
  /** Messages read and moved to the processed folder. */
  processed: z.number().int(),
  hard: z.number().int(),
  soft: z.number().int(),
  blocked: z.number().int(),
  complaints: z.number().int(),
  delayed: z.number().int(),
  autoReplies: z.number().int(),
  /** Bounces that named no mail of ours: kept in the list, nothing changed. */
  unmatched: z.number().int(),
  /** Messages that are not bounces (a customer's reply): left in the inbox for the shopkeeper. */
  leftInInbox: z.number().int(),
});

/** review: a hard bounce resting on a status code alone, waiting for the shopkeeper's decision. */
export const BounceKind = z.enum([
  'hard',
  'soft',
  'blocked',
  'complaint',
  'delayed',
  'auto_reply',
  'review',
]);

export const BounceEffects = z.object({
  /** This message put the address on the suppression list (undo lifts it). */
  suppressed: z.boolean(),
  /** Soft bounces of this address so far, counting this one. */
  softBounceCount: z.number().int().nullable(),
  jobStateBefore: z.string().nullable(),
  jobStateAfter: z.string().nullable(),
  pausedSends: z.array(z.string()),
});

export const BounceItem = z.object({
  id: z.number().int(),
  processedAt: Timestamp,
  receivedAt: Timestamp.nullable(),
  kind: BounceKind,
  email: z.string().nullable(),
  mailingId: z.string().nullable(),
  mailingSubject: z.string().nullable(),
  jobId: z.number().int().nullable(),
  matchedBy: z.enum(['verp', 'message_id', 'recipient']).nullable(),
  status: z.string(),
  reason: z.string(),
  subject: z.string(),
  effects: BounceEffects,
  undoneAt: Timestamp.nullable(),
  undoable: z.boolean(),
});

export const BounceListInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** Paging: items with a smaller id than this. */
    beforeId: z.number().int().positive().optional(),
    mailingId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .default({ limit: 50 });

export const BounceList = z.object({
  items: z.array(BounceItem),
  nextBeforeId: z.number().int().nullable(),
});

export type BounceSettingsViewT = z.infer<typeof BounceSettingsView>;
export type BounceSettingsInputT = z.infer<typeof BounceSettingsInput>;
export type PollResultT = z.infer<typeof PollResult>;
export type BounceItemT = z.infer<typeof BounceItem>;
export type BounceEffectsT = z.infer<typeof BounceEffects>;

export const bounceChannels = {
  'bounces.getSettings': channel(Empty, BounceSettingsView),
  'bounces.updateSettings': channel(BounceSettingsInput, BounceSettingsView),
  /** Tests the given values (password omitted: the stored one) without saving them. */
  'bounces.testConnection': channel(BounceSettingsInput, BounceConnectionTest),
  'bounces.pollNow': channel(Empty, PollResult),
  'bounces.list': channel(BounceListInput, BounceList),
  'bounces.undo': channel(z.object({ id: z.number().int().positive() }).strict(), BounceItem),
  /** A bounce waiting for review: suppress the address after all, or dismiss the bounce. */
  'bounces.review': channel(
    z
      .object({ id: z.number().int().positive(), decision: z.enum(['suppress', 'dismiss']) })
      .strict(),
    BounceItem,
  ),
};
