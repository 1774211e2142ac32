import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Rules that start sends by themselves (DESIGN.md, Automations). */
export const automations = sqliteTable('automations', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['tillVoucher', 'birthday'] }).notNull(),
  name: text('name').notNull(),
  /** The prepared mailing each run sends a copy of. */
  mailingId: text('mailing_id').notNull(),
  /** Folder pattern, window, caps, birthday time (JSON, AutomationSettings in the contract). */
  settings: text('settings').notNull(),
  status: text('status', { enum: ['draft', 'active', 'paused'] }).notNull(),
  /** Why it paused: an i18n key and its params (JSON), null when not paused by the app. */
  pauseReason: text('pause_reason'),
  /** The mailing's content hash at activation: a different one means it was edited since. */
  mailingHash: text('mailing_hash'),
  /** The manual checklist items the shop confirmed at activation (JSON array). */
  confirmed: text('confirmed').notNull().default('[]'),
  activatedAt: integer('activated_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One run: a till file or a birthday date, at most once per automation (source_key). */
export const automationRuns = sqliteTable(
  'automation_runs',
  {
    id: text('id').primaryKey(),
    automationId: text('automation_id')
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    /** The file's SHA-256 for a till file, the date (YYYY-MM-DD) for a birthday run. */
    sourceKey: text('source_key').notNull(),
    fileName: text('file_name'),
    state: text('state', {
      enum: ['importing', 'checking', 'sending', 'finished', 'stopped', 'skipped'],
    }).notNull(),
    selectionId: text('selection_id'),
    /** The run's own copy of the automation's mailing (own send, snapshot and statistics). */
    runMailingId: text('run_mailing_id'),
    sendId: text('send_id'),
    rows: integer('rows').notNull().default(0),
    recipients: integer('recipients').notNull().default(0),
    credits: integer('credits').notNull().default(0),
    /** Who was left out and why ({ alreadySent, suppressed, … } counts, JSON). */
    skipped: text('skipped').notNull().default('{}'),
    /** Why the run stopped or was skipped: an i18n key and params (JSON). */
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('automation_runs_source_idx').on(t.automationId, t.sourceKey),
    index('automation_runs_state_idx').on(t.state),
  ],
);

/**
 * What a customer already got from an automation: (e-mail, barcode) for till vouchers,
 * (e-mail, year) for birthdays. The run that holds a key may send it (a resumed run); others may not.
 */
export const automationKeys = sqliteTable(
  'automation_keys',
  {
    automationId: text('automation_id')
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    normalizedEmail: text('normalized_email').notNull(),
    /** The barcode, or the year of a birthday. */
    item: text('item').notNull(),
    runId: text('run_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('automation_keys_idx').on(t.automationId, t.normalizedEmail, t.item)],
);
