import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const mailings = sqliteTable(
  'mailings',
  {
    id: text('id').primaryKey(),
    type: text('type', { enum: ['newsletter', 'voucher'] }).notNull(),
    subject: text('subject').notNull().default(''),
    topLine: text('top_line').notNull().default(''),
    fromId: text('from_id'),
    replyTo: text('reply_to').notNull().default(''),
    /** The block document as JSON (see DESIGN.md, the mailing document). */
    document: text('document').notNull(),
    status: text('status', { enum: ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] })
      .notNull()
      .default('draft'),
    /** Templates (BASIS/VOORBEELD) can be copied but not sent or deleted. */
    templateKey: text('template_key'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Last change to what a recipient sees; compared with the last test mail. */
    contentChangedAt: integer('content_changed_at').notNull(),
    lastTestAt: integer('last_test_at'),
    sentAt: integer('sent_at'),
    /** Campaign tags (UTM) on links to the shop's own website; new mailings take the account's default. */
    campaignTags: integer('campaign_tags', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('mailings_status_idx').on(t.status)],
);

export const images = sqliteTable(
  'images',
  {
    id: text('id').primaryKey(),
    mailingId: text('mailing_id')
      .notNull()
      .references(() => mailings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** sha256 of the bytes: the content address when hosted on the tracker. */
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index('images_mailing_idx').on(t.mailingId)],
);
