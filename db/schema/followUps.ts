import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { mailings } from './mailings';
import { sends } from './sending';

/**
 * "Tweede kans voor niet-openers": one follow-up per sent mailing (the original is the key, so a
 * second one can never be planned), its own mailing once it is made, and the send it started.
 * State: planned → preparing (the copy exists) → started (its send and jobs exist); failed with a
 * reason; cancelled by the shop while still planned.
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    originalMailingId: text('original_mailing_id')
      .primaryKey()
      .references(() => mailings.id, { onDelete: 'cascade' }),
    days: integer('days').notNull(),
    subject: text('subject').notNull(),
    dueAt: integer('due_at').notNull(),
    state: text('state', {
      enum: ['planned', 'preparing', 'started', 'failed', 'cancelled'],
    }).notNull(),
    /** The manual checklist items the shop confirmed when planning it (JSON array). */
    confirmed: text('confirmed').notNull().default('[]'),
    /** Shown before planning: who would get it and what it would cost at that moment. */
    estimatedRecipients: integer('estimated_recipients').notNull(),
    estimatedCredits: integer('estimated_credits').notNull(),
    followUpMailingId: text('follow_up_mailing_id').references(() => mailings.id, {
      onDelete: 'set null',
    }),
    sendId: text('send_id').references(() => sends.id),
    /** Why it failed: an i18n key and its params (JSON). */
    errorKey: text('error_key'),
    errorParams: text('error_params'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('follow_ups_state_due_idx').on(t.state, t.dueAt),
    uniqueIndex('follow_ups_follow_up_mailing_idx').on(t.followUpMailingId),
  ],
);
