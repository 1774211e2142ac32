import { z } from 'zod';
import { channel } from './channel';
import { MANUAL_CHECKS } from './checklist';
import { Empty, Id, Ok, Timestamp } from './common';

export const AutomationKind = z.enum(['tillVoucher', 'birthday']);
export const AutomationStatus = z.enum(['draft', 'active', 'paused']);

/** "HH:MM"; "24:00" only makes sense as a window's end (the whole day). */
const Time = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'automations:errors.time' });

/** One settings shape for both kinds; each kind reads the fields it needs. */
export const AutomationSettings = z
  .object({
    /** Which files in the import folder belong to it: `*` and `?` as wildcards, empty = every file. */
    folderPattern: z.string().trim().max(100).default('waardebon*'),
    windowStart: Time.default('09:00'),
    windowEnd: Time.default('20:00'),
    /** ISO weekdays the window is open: 1 = Monday … 7 = Sunday. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1, { message: 'automations:errors.days' })
      .default([1, 2, 3, 4, 5]),
    maxRecipients: z
      .number()
      .int()
      .min(1, { message: 'automations:errors.cap' })
      .max(1_000_000)
      .default(500),
    maxCredits: z
      .number()
      .int()
      .min(1, { message: 'automations:errors.cap' })
      .max(10_000_000)
      .default(1000),
    /** Birthdays: the moment of the daily run. */
    runAt: Time.default('09:00'),
  })
  .strict()
  .refine((s) => s.windowStart < s.windowEnd, {
    message: 'automations:errors.window',
    path: ['windowEnd'],
  });
export type AutomationSettingsT = z.infer<typeof AutomationSettings>;

/** A message for the shop: an i18n key (namespace:key) and its params. */
export const Reason = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type ReasonT = z.infer<typeof Reason>;

export const RunState = z.enum([
  'importing',
  'checking',
  'sending',
  'finished',
  'stopped',
  'skipped',
]);

export const AutomationRun = z.object({
  id: z.string(),
  sourceKey: z.string(),
  fileName: z.string().nullable(),
  state: RunState,
  /** The run's own mailing: its statistics are that mailing's. */
  runMailingId: z.string().nullable(),
  sendId: z.string().nullable(),
  rows: z.number().int(),
  recipients: z.number().int(),
  sent: z.number().int(),
  credits: z.number().int(),
  /** Left out, by reason: alreadySent, suppressed, recentlyMailed, duplicates, noBarcode. */
  skipped: z.record(z.string(), z.number().int()),
  reason: Reason.nullable(),
  createdAt: Timestamp,
});
export type AutomationRunT = z.infer<typeof AutomationRun>;

export const Automation = z.object({
  id: z.string(),
  kind: AutomationKind,
  name: z.string(),
  mailingId: z.string(),
  /** The mailing's subject (empty when the mailing was deleted). */
  mailingSubject: z.string(),
  settings: AutomationSettings,
  status: AutomationStatus,
  pauseReason: Reason.nullable(),
  confirmed: z.array(z.string()),
  activatedAt: Timestamp.nullable(),
  lastRun: AutomationRun.nullable(),
  createdAt: Timestamp,
});
export type AutomationT = z.infer<typeof Automation>;

export const AutomationDraft = z
  .object({
    /** Absent: a new automation (a draft until activated). */
    id: Id.optional(),
    kind: AutomationKind,
    name: z.string().trim().min(1, { message: 'automations:errors.name' }).max(100),
    mailingId: Id,
    settings: AutomationSettings,
  })
  .strict();

const ById = z.object({ id: Id }).strict();

export const automationsChannels = {
  'automations.list': channel(Empty, z.array(Automation)),
  'automations.get': channel(ById, Automation),
  'automations.save': channel(AutomationDraft, Automation),
  /** Runs the checklist on the mailing with a sample customer and freezes the mailing's content. */
  'automations.activate': channel(
    z.object({ id: Id, confirmed: z.array(z.enum(MANUAL_CHECKS)) }).strict(),
    Automation,
  ),
  'automations.pause': channel(ById, Automation),
  'automations.delete': channel(ById, Ok),
  'automations.runs': channel(ById, z.array(AutomationRun)),
};
