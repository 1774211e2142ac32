import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Who must never be mailed. Kept for ever; after erasure only the hash remains. */
export const suppression = sqliteTable(
  'suppression',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null after the person was erased: then only emailHash is kept. */
    normalizedEmail: text('normalized_email'),
    emailHash: text('email_hash').notNull(),
    reason: text('reason', {
      enum: ['unsubscribed', 'hard_bounce', 'soft_bounce', 'complaint', 'manual'],
    }).notNull(),
    source: text('source').notNull().default('app'),
    detail: text('detail').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('suppression_hash_idx').on(t.emailHash),
    index('suppression_email_idx').on(t.normalizedEmail),
  ],
);

/** Soft bounces are counted per address; the third one suppresses. */
export const softBounces = sqliteTable('soft_bounces', {
  emailHash: text('email_hash').primaryKey(),
  count: integer('count').notNull().default(0),
  lastAt: integer('last_at').notNull(),
  lastReason: text('last_reason').notNull().default(''),
});

/** Pending double opt-in requests for re-subscription. */
export const resubscribeRequests = sqliteTable('resubscribe_requests', {
  id: text('id').primaryKey(),
  normalizedEmail: text('normalized_email').notNull(),
  requestedAt: integer('requested_at').notNull(),
  confirmedAt: integer('confirmed_at'),
});
