import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { mailings } from './mailings';

/**
 * Whether the tracker hosts a mailing's web version ("Online versie" in every mail). A send marks
 * it pending; an upload that fails (tracker offline) is retried until uploaded_at is set.
 */
export const webVersions = sqliteTable('web_versions', {
  mailingId: text('mailing_id')
    .primaryKey()
    .references(() => mailings.id, { onDelete: 'cascade' }),
  /** Set at each send start; an upload only counts when it happened after it. */
  requestedAt: integer('requested_at').notNull(),
  uploadedAt: integer('uploaded_at'),
  attempts: integer('attempts').notNull().default(0),
  lastAttemptAt: integer('last_attempt_at'),
  /** The last failure's own words (for the log and support), null after a success. */
  lastError: text('last_error'),
});
