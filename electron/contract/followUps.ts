import { z } from 'zod';
import { channel } from './channel';
import { ManualCheck } from './checklist';
import { Empty, Id, Timestamp } from './common';
import { MailingSubject } from './mailings';
import { SkippedCounts } from './sending';

export { FOLLOW_UP_DAYS } from './plain/followUpDays';

/** Whole days; the range is checked by the service, which names it in the shop's words. */
const Days = z.number().int();

export const FollowUpState = z.enum(['planned', 'preparing', 'started', 'failed', 'cancelled']);

export const FollowUp = z.object({
  originalMailingId: Id,
  originalSubject: z.string(),
  subject: z.string(),
  days: z.number().int(),
  dueAt: Timestamp,
  state: FollowUpState,
  /** The count and credits shown when it was planned. */
  estimatedRecipients: z.number().int(),
  estimatedCredits: z.number().int(),
  /** Its own mailing, once made (when due). */
  followUpMailingId: Id.nullable(),
  sendId: z.string().nullable(),
  /** Of its send, once started: recipients enqueued and mails accepted so far. */
  recipients: z.number().int().nullable(),
  sent: z.number().int().nullable(),
  /** Left out when it started (suppressed since, mailed in the last hours), and credits paid. */
  skipped: SkippedCounts.nullable(),
  creditsCharged: z.number().int().nullable(),
  /** Why it failed (an i18n key with params). */
  errorKey: z.string().nullable(),
  errorParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type FollowUpT = z.infer<typeof FollowUp>;

export const FollowUpEstimate = z.object({
  dueAt: Timestamp,
  recipients: z.number().int(),
  credits: z.number().int(),
  perMail: z.number().int(),
  /** The checklist's manual items, to tick for the follow-up when planning it. */
  manual: z.array(ManualCheck),
});

const ForOriginal = z.object({ mailingId: Id }).strict();

export const followUpsChannels = {
  /** Who would get a follow-up N days after the send, and its credits, as things stand now. */
  'followUps.estimate': channel(z.object({ mailingId: Id, days: Days }).strict(), FollowUpEstimate),
  /** Plans the one follow-up of a sent mailing; refused when not sent, N outside 2–14, or planned. */
  'followUps.schedule': channel(
    z
      .object({
        mailingId: Id,
        days: Days,
        subject: MailingSubject,
        /** The manual checklist items, ticked for the follow-up when planning it. */
        confirmed: z.array(z.string().max(40)).max(10),
      })
      .strict(),
    FollowUp,
  ),
  'followUps.list': channel(Empty, z.array(FollowUp)),
  /** For a mailing's statistics: its follow-up, and the original it is the follow-up of. */
  'followUps.forMailing': channel(
    ForOriginal,
    z.object({ followUp: FollowUp.nullable(), followUpOf: FollowUp.nullable() }),
  ),
  /** A planned follow-up that has not started yet can be called off. */
  'followUps.cancel': channel(ForOriginal, FollowUp),
};
