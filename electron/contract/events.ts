import { z } from 'zod';

/** Events pushed from the main side to every open window (IPC) or tab (server-sent events). */
export const events = {
  'settings.changed': z.object({ language: z.enum(['nl', 'en']) }),
  'credits.changed': z.object({ balance: z.number().int(), reserved: z.number().int() }),
  'send.progress': z.object({
    sendId: z.string(),
    mailingId: z.string(),
    state: z.string(),
    queued: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
  }),
  'sync.finished': z.object({
    at: z.number().int(),
    ok: z.boolean(),
    message: z.string().optional(),
  }),
  'import.progress': z.object({
    fileName: z.string(),
    rows: z.number().int(),
    // The file's data rows, when known (the real import counts them first; the preview does not).
    total: z.number().int().optional(),
    done: z.boolean(),
  }),
  'bounces.processed': z.object({
    at: z.number().int(),
    processed: z.number().int(),
    hard: z.number().int(),
    soft: z.number().int(),
    blocked: z.number().int(),
    complaints: z.number().int(),
  }),
  /** A 5.7.x refusal paused a running send; reason is the plain message shown to the shopkeeper. */
  'bounces.sendPaused': z.object({ sendId: z.string(), mailingId: z.string(), reason: z.string() }),
  /** An automation paused (pauseReason: i18n key and params) or one of its runs ended. */
  'automations.changed': z.object({
    automationId: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'active', 'paused']),
    pauseReason: z
      .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .nullable(),
    run: z.object({ id: z.string(), state: z.string(), sent: z.number().int() }).optional(),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
