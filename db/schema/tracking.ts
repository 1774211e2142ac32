import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Events pulled from the tracker (opens, clicks, unsubscribes) and bounces seen locally. */
export const events = sqliteTable(
  'events',
  {
    /** The tracker's unique event id, so a repeated sync page changes nothing. */
    id: text('id').primaryKey(),
    mailingId: text('mailing_id').notNull(),
    recipientId: text('recipient_id'),
    kind: text('kind', {
      enum: ['open', 'click', 'unsubscribe', 'bounce_hard', 'bounce_soft', 'complaint'],
    }).notNull(),
    linkId: integer('link_id'),
    /** Machine opens (privacy proxies) and scanner clicks are kept apart. */
    machine: integer('machine', { mode: 'boolean' }).notNull().default(false),
    at: integer('at').notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [
    // Serves anonymisation (all events of a mailing) and bounce undo (a mailing's bounces). Cheap
    // to keep: a mailing's new events land at the end of its (mailing, kind) ranges.
    index('events_mailing_kind_idx').on(t.mailingId, t.kind),
    // No index on recipient_id: recipient ids are random, so each synced event dirtied another
    // page of it (about three quarters of the disk writes of a sync into a million events). Only
    // a contact's export or erase looks events up by recipient, and a scan is fine for those.
  ],
);

/** Local copy of the tracker's credit ledger. */
export const creditLedger = sqliteTable('credit_ledger', {
  id: text('id').primaryKey(),
  at: integer('at').notNull(),
  delta: integer('delta').notNull(),
  kind: text('kind', {
    enum: ['purchase', 'reserve', 'commit', 'release', 'grant', 'refund'],
  }).notNull(),
  description: text('description').notNull().default(''),
});

/** Key/value settings and state (sync cursor, credit balance); values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
