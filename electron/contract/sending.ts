import { z } from 'zod';
import { channel } from './channel';
import { EmailAddress, Empty, Id, Timestamp } from './common';

export const SendState = z.enum(['scheduled', 'running', 'paused', 'finished', 'cancelled']);
export type SendStateT = z.infer<typeof SendState>;

export const SkippedCounts = z.object({
  duplicates: z.number().int().nonnegative(),
  suppressed: z.number().int().nonnegative(),
  recentlyMailed: z.number().int().nonnegative(),
});

/** What the "Versturen" page and the step-6 progress show for one send. */
export const SendStatus = z.object({
  sendId: Id,
  mailingId: Id,
  subject: z.string(),
  state: SendState,
  /** Why the send paused by itself, as an i18n key (sending:pause.<reason>); null when it did not. */
  pauseReason: z.string().nullable(),
  /** The server's own words behind the pause reason. */
  pauseDetail: z.string().nullable(),
  scheduledAt: Timestamp.nullable(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  /** Set when the send was due while the app was closed and started on the next start. */
  startedLateAt: Timestamp.nullable(),
  recipients: z.number().int(),
  queued: z.number().int(),
  sending: z.number().int(),
  /** Waiting for a retry after a temporary problem. */
  retry: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  bounced: z.number().int(),
  suppressed: z.number().int(),
  /** In flight when the app stopped: maybe delivered, maybe not. Never resent without the user. */
  uncertain: z.number().int(),
  skipped: SkippedCounts,
  credits: z.object({
    perMail: z.number().int(),
    reserved: z.number().int(),
    committed: z.number().int(),
  }),
  /**
   * The mailing's web version at the tracker (the "Online versie" link in every mail): online,
   * still to be placed (tried again after each sync), refused by the tracker (no longer tried),
   * or none (no account linked, so the mails carry no such link). `detail`: the last problem.
   */
  webVersion: z.object({
    state: z.enum(['online', 'pending', 'refused', 'none']),
    detail: z.string().nullable(),
  }),
  /** Estimated from the rate limits and what is left; null when not running. */
  expectedEndAt: Timestamp.nullable(),
});
export type SendStatusT = z.infer<typeof SendStatus>;

export const TestRecipientResult = z.object({
  to: z.string(),
  ok: z.boolean(),
  messageId: z.string().nullable(),
  /** Set when there is no SMTP server: the test went to the outbox folder. */
  outboxFile: z.string().nullable(),
  /** i18n key of the problem (sending:smtp.<kind>) and the server's words. */
  errorKey: z.string().nullable(),
  errorDetail: z.string().nullable(),
});

export const TestSendInput = z
  .object({
    mailingId: Id,
    to: z.array(EmailAddress).min(1).max(5, { message: 'sending:errors.tooManyTestAddresses' }),
    /** Personalise with this contact; without it the sample data (Jan Jansen, …) is used. */
    contactId: z.number().int().positive().optional(),
  })
  .strict();

export const TestSendResult = z.object({
  results: z.array(TestRecipientResult),
  /** What still differs from the real mail, as i18n keys (empty: nothing). */
  differences: z.array(z.string()),
  lastTestAt: Timestamp.nullable(),
  contentChangedAt: Timestamp,
});

export const StartInput = z
  .object({
    mailingId: Id,
    /** A moment in the future schedules the send; without it the send starts now. */
    at: Timestamp.optional(),
    /** The manual checklist items the shopkeeper ticked. */
    confirmed: z.array(z.string().max(60)).max(20),
    /** Generated once per page visit: a double click or a second window starts one send. */
    idempotencyKey: z.string().min(8).max(200),
  })
  .strict();

export const StartResult = z.object({
  sendId: Id,
  state: SendState,
  recipients: z.number().int(),
  skipped: SkippedCounts,
  credits: z.number().int(),
  /** True when this key had already started a send: nothing new happened. */
  existing: z.boolean(),
});

const BySend = z.object({ sendId: Id }).strict();

/** A mail that was on its way when the app stopped: maybe delivered, maybe not. */
export const UncertainRecipient = z.object({
  email: z.string(),
  name: z.string(),
  /** When it was handed to the mail server. */
  at: Timestamp.nullable(),
});
export type UncertainRecipientT = z.infer<typeof UncertainRecipient>;

export const sendingChannels = {
  /** To up to five own addresses; costs no credits and needs no tracker account. */
  'send.test': channel(TestSendInput, TestSendResult),
  'send.start': channel(StartInput, StartResult),
  'send.pause': channel(BySend, SendStatus),
  /** A send paused by a restore goes on only with `acknowledgeRestore` (the shop checked it). */
  'send.resume': channel(
    z.object({ sendId: Id, acknowledgeRestore: z.boolean().optional() }).strict(),
    SendStatus,
  ),
  'send.cancel': channel(BySend, SendStatus),
  /** The latest send of a mailing (mailingId) or one send (sendId); null when there is none. */
  'send.status': channel(
    z.union([BySend, z.object({ mailingId: Id }).strict()]),
    SendStatus.nullable(),
  ),
  /** Scheduled, running and paused sends, and those finished in the last week. */
  'send.list': channel(Empty, z.array(SendStatus)),
  /** "Opnieuw proberen": the uncertain jobs go out again with their own Message-IDs. */
  'send.retryUncertain': channel(BySend, SendStatus),
  /** The uncertain addresses of a send, for the shop to decide about. */
  'send.uncertain': channel(BySend, z.array(UncertainRecipient)),
  /** "Niet verstuurd": the shop decides the uncertain mails did not arrive; not charged. */
  'send.markUncertainNotSent': channel(BySend, SendStatus),
};
