import { z } from 'zod';
import { channel } from './channel';
import { Id, Ok, OptionalEmailAddress, Timestamp } from './common';
import { MailingDocument } from './mailingDocument';

export const MailingType = z.enum(['newsletter', 'voucher']);
export const MailingStatus = z.enum(['draft', 'scheduled', 'sending', 'sent', 'cancelled']);
/** open: everything not yet sent (templates included), sent: the archive. */
export const MailingListFilter = z.enum(['open', 'sent', 'all']);
export const TemplateKey = z.enum([
  'basis-nieuwsbrief',
  'basis-waardebon',
  'voorbeeld-nieuwsbrief',
  'voorbeeld-waardebon',
]);

export const Mailing = z.object({
  id: Id,
  type: MailingType,
  subject: z.string(),
  topLine: z.string(),
  /** Sender identity id from settings ('' until one is chosen). */
  from: z.string(),
  replyTo: z.string(),
  document: MailingDocument,
  status: MailingStatus,
  /** BASIS/VOORBEELD: can be copied and edited, never sent or deleted. */
  templateKey: TemplateKey.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** Last change to what a recipient sees (subject, top line, sender, document). */
  contentChangedAt: Timestamp,
  lastTestAt: Timestamp.nullable(),
  sentAt: Timestamp.nullable(),
  /** Campaign tags (utm_*) on links to the shop's own website. */
  campaignTags: z.boolean(),
});
export type MailingT = z.infer<typeof Mailing>;

export const MailingSummary = Mailing.pick({
  id: true,
  subject: true,
  type: true,
  status: true,
  templateKey: true,
  createdAt: true,
  updatedAt: true,
  sentAt: true,
});

export const MailingSubject = z.string().max(200, { message: 'mailings:errors.subjectTooLong' });
export const MailingTopLine = z.string().max(300, { message: 'mailings:errors.topLineTooLong' });

export const MailingPatch = z
  .object({
    subject: MailingSubject,
    topLine: MailingTopLine,
    from: z.string().max(100),
    replyTo: OptionalEmailAddress,
    campaignTags: z.boolean(),
    /**
     * Checked deeply by the service (block and field named in the error), so a bad block never
     * lands; structure only here.
     */
    document: z.object({ version: z.number().int() }).loose(),
  })
  .partial()
  .strict();

export const PreviewWarning = z.object({
  code: z.enum([
    'unknownVariable',
    'emptyValue',
    'footerAdded',
    'imageWithoutAlt',
    'imageMissing',
    'htmlTooLarge',
    'noSender',
    'emptySubject',
  ]),
  /** i18next key, e.g. "mailings:warnings.unknownVariable". */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  blockId: z.string().optional(),
});
export type PreviewWarningT = z.infer<typeof PreviewWarning>;

export const MailingPreview = z.object({
  subject: z.string(),
  topLine: z.string(),
  html: z.string(),
  text: z.string(),
  warnings: z.array(PreviewWarning),
  /** The mail's link table: each web link as the tracker registers it (campaign tags included). */
  links: z.array(z.object({ id: z.number().int(), url: z.string() })),
});

const ById = z.object({ id: Id }).strict();

export const mailingsChannels = {
  'mailings.list': channel(
    z
      .object({ status: MailingListFilter.default('open') })
      .strict()
      .default({ status: 'open' }),
    z.array(MailingSummary),
  ),
  /** fromId copies a mailing or template (with its images); without it a blank mailing of that type. */
  'mailings.create': channel(
    z.object({ type: MailingType.default('newsletter'), fromId: Id.optional() }).strict(),
    Mailing,
  ),
  'mailings.get': channel(ById, Mailing),
  'mailings.update': channel(z.object({ id: Id, patch: MailingPatch }).strict(), Mailing),
  'mailings.delete': channel(ById, Ok),
  'mailings.preview': channel(
    z.object({ id: Id, contactId: z.number().int().positive().optional() }).strict(),
    MailingPreview,
  ),
};
