import { z } from 'zod';
import { channel } from './channel';
import { Id } from './common';
import { MANUAL_CHECKS } from './plain/manualChecks';

export const CheckStatus = z.enum(['ok', 'warn', 'fail']);

export const ChecklistItem = z.object({
  id: z.string(),
  status: CheckStatus,
  /** Plain English for logs and tools; the renderer shows t(key, params). */
  message: z.string(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Where to fix it, as a route (e.g. "#/mailings/<id>/algemeen", "#/account"); null: nothing to fix. */
  fix: z.string().nullable(),
});
export type ChecklistItemT = z.infer<typeof ChecklistItem>;

/** What only the shopkeeper can confirm; each must be ticked before "Versturen" appears. */
export { MANUAL_CHECKS };
export const ManualCheck = z.object({
  id: z.enum(MANUAL_CHECKS),
  key: z.string(),
});

export const Checklist = z.object({
  items: z.array(ChecklistItem),
  manual: z.array(ManualCheck),
  /** No item fails (the manual items are ticked in the renderer and checked again by send.start). */
  canSend: z.boolean(),
  recipients: z.number().int(),
  credits: z.object({
    needed: z.number().int(),
    perMail: z.number().int(),
    /** Free balance at the tracker; null when the account is not linked or cannot be reached. */
    available: z.number().int().nullable(),
  }),
  /** Sending needs a linked tracker account (drafting and test mails do not). */
  accountLinked: z.boolean(),
});
export type ChecklistT = z.infer<typeof Checklist>;

export const checklistChannels = {
  'checklist.get': channel(z.object({ mailingId: Id }).strict(), Checklist),
};
