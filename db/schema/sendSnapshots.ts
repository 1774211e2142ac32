import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sends } from './sending';

/**
 * What a send mails, compiled once at send.start (electron/services/sending/sendSnapshot.ts): the
 * queue, link registration, the web version and the statistics read it, so nothing recompiles a
 * mailing that was sent. Image bytes stay in `images`; the snapshot names them by sha256.
 */
export const sendSnapshots = sqliteTable('send_snapshots', {
  sendId: text('send_id')
    .primaryKey()
    .references(() => sends.id),
  mailingId: text('mailing_id').notNull(),
  /** sha256 of `snapshot`: the same content gives the same hash. */
  contentHash: text('content_hash').notNull(),
  /** The compiled template, link table and image list (JSON, SendSnapshot). */
  snapshot: text('snapshot').notNull(),
  createdAt: integer('created_at').notNull(),
});
