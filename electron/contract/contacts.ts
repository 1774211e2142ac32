import { z } from 'zod';
import { channel } from './channel';
import { EmailAddress, Timestamp } from './common';
import { SuppressionEntryView } from './suppression';

/** Everything Winkelpost holds about one address (AVG: right of access). */
export const ContactExport = z.object({
  email: z.string(),
  exportedAt: Timestamp,
  selections: z.array(
    z.object({
      selectionId: z.string(),
      description: z.string(),
      createdAt: Timestamp,
      consentConfirmedAt: Timestamp,
      rowNumber: z.number().int(),
      data: z.record(z.string(), z.string()),
    }),
  ),
  suppression: SuppressionEntryView.nullable(),
  softBounces: z
    .object({ count: z.number().int(), lastAt: Timestamp, lastReason: z.string() })
    .nullable(),
  resubscribeRequests: z.array(
    z.object({ requestedAt: Timestamp, confirmedAt: Timestamp.nullable() }),
  ),
  sendJobs: z.array(
    z.object({
      mailingId: z.string(),
      subject: z.string(),
      state: z.string(),
      sentAt: Timestamp.nullable(),
      data: z.record(z.string(), z.string()),
    }),
  ),
  events: z.array(z.object({ mailingId: z.string(), kind: z.string(), at: Timestamp })),
  bounces: z.array(
    z.object({ kind: z.string(), processedAt: Timestamp, status: z.string(), reason: z.string() }),
  ),
});
export type ContactExportT = z.infer<typeof ContactExport>;

export const EraseResult = z.object({
  contactsRemoved: z.number().int(),
  sendJobsAnonymised: z.number().int(),
  eventsAnonymised: z.number().int(),
  bouncesAnonymised: z.number().int(),
  /** The address stays blocked by its hash only (never mailed again). */
  blockedByHash: z.boolean(),
});

export const contactsChannels = {
  'contacts.export': channel(z.object({ email: EmailAddress }).strict(), ContactExport),
  'contacts.erase': channel(
    z
      .object({
        email: EmailAddress,
        confirm: z.literal(true, { message: 'suppression:errors.confirmErase' }),
        /** Keep the hash in the suppression list so a later import never mails this person. */
        keepBlocked: z.boolean().default(true),
      })
      .strict(),
    EraseResult,
  ),
};
