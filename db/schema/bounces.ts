import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every message the bounce mailbox poller processed (bounces, complaints, delay notices and
 * auto-replies), with what it changed, so a wrong classification can be undone from the app.
 */
export const bounceMessages = sqliteTable(
  'bounce_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the raw message: a message seen twice (a move that failed) is processed once. */
    sourceHash: text('source_hash').notNull(),
    receivedAt: integer('received_at'),
    processedAt: integer('processed_at').notNull(),
    kind: text('kind', {
      enum: ['hard', 'soft', 'blocked', 'complaint', 'delayed', 'auto_reply', 'review'],
    }).notNull(),
    /** Normalised address the report is about (the job's address when a job was found). */
    email: text('email'),
    jobId: integer('job_id'),
    sendId: text('send_id'),
    mailingId: text('mailing_id'),
    matchedBy: text('matched_by', { enum: ['verp', 'message_id', 'recipient'] }),
    /** RFC 3463 enhanced status code, e.g. 5.1.1. */
    status: text('status').notNull().default(''),
    /** The remote server's words (Diagnostic-Code or the matching line of a text bounce). */
    reason: text('reason').notNull().default(''),
    subject: text('subject').notNull().default(''),
    /** The row written to `events` for the statistics, if any. */
    eventId: text('event_id'),
    /** JSON: what this message changed (suppression, soft-bounce count, job state, paused sends). */
    effects: text('effects').notNull().default('{}'),
    undoneAt: integer('undone_at'),
  },
  (t) => [
    uniqueIndex('bounce_messages_source_idx').on(t.sourceHash),
    index('bounce_messages_processed_idx').on(t.processedAt),
    index('bounce_messages_email_idx').on(t.email),
    index('bounce_messages_mailing_idx').on(t.mailingId),
  ],
);
