import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The shop's own reusable parts: "Mijn blok" (one or more blocks) and "Mijn sjabloon" (a whole
 * mailing). Each holds its own copy of the document and of the images it shows, so it stays as
 * it was saved whatever happens to the mailing it came from.
 */
export const libraryItems = sqliteTable(
  'library_items',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['block', 'template'] }).notNull(),
    name: text('name').notNull(),
    /** Templates only: the type a mailing made from it gets. */
    mailingType: text('mailing_type', { enum: ['newsletter', 'voucher'] }),
    subject: text('subject').notNull().default(''),
    topLine: text('top_line').notNull().default(''),
    /** A mailing document as JSON (for a block: the saved blocks and the mailing's settings). */
    document: text('document').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('library_items_kind_idx').on(t.kind)],
);

export const libraryImages = sqliteTable(
  'library_images',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => libraryItems.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [index('library_images_item_idx').on(t.itemId)],
);
