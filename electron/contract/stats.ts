import { z } from 'zod';
import { channel } from './channel';
import { Empty, Id, Timestamp } from './common';

const Count = z.number().int().nonnegative();

export const SentMailing = z.object({
  mailingId: z.string(),
  subject: z.string(),
  type: z.enum(['newsletter', 'voucher']),
  sentAt: Timestamp.nullable(),
  recipients: Count,
});

export const LinkStats = z.object({
  linkId: z.number().int(),
  /** Null when the link table of the mailing is not known here. */
  url: z.string().nullable(),
  clicks: Count,
  clickers: Count,
  machineClicks: Count,
  machineClickers: Count,
});

/** Opens and clicks per hour after sending (hour 0 = the first hour), the first seven days. */
export const TimelinePoint = z.object({
  hour: z.number().int().nonnegative(),
  opens: Count,
  machineOpens: Count,
  clicks: Count,
  machineClicks: Count,
});

/**
 * Raw figures; the page adds the machine figures to opened and clicked only when the user asks.
 * "opened" counts people (a click implies an open); opens are all pixel loads.
 */
export const MailingStats = z.object({
  mailing: SentMailing,
  delivery: z.object({
    /** Accepted by the receiving server and not bounced since. */
    delivered: Count,
    sent: Count,
    hardBounces: Count,
    softBounces: Count,
    failed: Count,
    /** Still queued, retrying or uncertain. */
    pending: Count,
    /** Left out at sending: suppressed or skipped (mailed in the last 48 hours). */
    skipped: Count,
  }),
  openers: Count,
  machineOpeners: Count,
  opens: Count,
  machineOpens: Count,
  clickers: Count,
  machineClickers: Count,
  clicks: Count,
  machineClicks: Count,
  unsubscribes: Count,
  complaints: Count,
  links: z.array(LinkStats),
  timeline: z.array(TimelinePoint),
  /** Details per contact are kept until then (three months after sending). */
  detailsUntil: Timestamp.nullable(),
  anonymised: z.boolean(),
});
export type MailingStatsT = z.infer<typeof MailingStats>;

export const DetailList = z.enum(['opened', 'clicked', 'bounces', 'unsubscribes', 'complaints']);
export type DetailListT = z.infer<typeof DetailList>;

export const DetailsInput = z.object({
  mailingId: Id,
  list: DetailList,
  /** Clicked: one link only. */
  linkId: z.number().int().nonnegative().optional(),
  includeMachine: z.boolean().default(false),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(50),
});

export const DetailRow = z.object({
  email: z.string(),
  name: z.string(),
  at: Timestamp.nullable(),
  count: Count,
  /** Bounce reason, or "machine" when only a machine opened or clicked. */
  detail: z.string(),
  machine: z.boolean(),
});

export const Details = z.object({
  total: Count,
  rows: z.array(DetailRow),
  anonymised: z.boolean(),
});

export const ExportTable = z.enum(['opened', 'delivery', 'links', 'clicked', 'unsubscribes']);

export const ExportInput = z.object({
  mailingId: Id,
  table: ExportTable,
  linkId: z.number().int().nonnegative().optional(),
  includeMachine: z.boolean().default(false),
});

export const HomeStats = z.object({
  lastMailing: z
    .object({
      mailing: SentMailing,
      delivered: Count,
      openers: Count,
      clickers: Count,
      unsubscribes: Count,
      bounces: Count,
    })
    .nullable(),
  activeSends: z.array(
    z.object({
      sendId: z.string(),
      mailingId: z.string(),
      subject: z.string(),
      state: z.enum(['scheduled', 'running', 'paused']),
      scheduledAt: Timestamp.nullable(),
      recipients: Count,
      done: Count,
    }),
  ),
});

export const statsChannels = {
  /** Sent mailings, newest first. */
  'stats.list': channel(Empty, z.array(SentMailing)),
  'stats.get': channel(z.object({ mailingId: Id }), MailingStats),
  'stats.details': channel(DetailsInput, Details),
  /** One table as CSV text (semicolons, for Excel with Dutch settings); the page saves it. */
  'stats.export': channel(ExportInput, z.object({ fileName: z.string(), csv: z.string() })),
  /** Home page: the last mailing's key figures and the running and scheduled sends. */
  'stats.home': channel(Empty, HomeStats),
};
