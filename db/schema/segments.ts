import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contacts, selections } from './selections';
import { TEXT_SLOTS, VALUE_SLOTS } from './segmentSlots';

/** Typed slots per contact: number and date columns in `v…`, text columns in `t…`. */
export { TEXT_SLOTS, VALUE_SLOTS };

const slots = <T>(prefix: string, count: number, make: (name: string) => T) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${i}`, make(`${prefix}${i}`)]),
  ) as Record<string, T>;

/**
 * A contact's cells typed once at import (column types inferred from the whole file), one row per
 * contact, so a segment is a scan of plain column comparisons instead of parsing JSON per row.
 * A number column's value is a number, a date column's value a day as yyyymmdd, a text column's
 * value its text in lower case; empty cells are null. Which column sits in which slot is stored
 * per selection in `selection_column_types`.
 */
export const contactFields = sqliteTable(
  'contact_fields',
  {
    contactId: integer('contact_id')
      .primaryKey()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    selectionId: text('selection_id')
      .notNull()
      .references(() => selections.id, { onDelete: 'cascade' }),
    ...slots('v', VALUE_SLOTS, (name) => real(name)),
    ...slots('t', TEXT_SLOTS, (name) => text(name)),
  },
  (t) => [index('contact_fields_selection_idx').on(t.selectionId)],
);

/** A selection's columns: { column: { type: 'number' | 'date' | 'text', slot: 'v0' | 't3' | null } }. */
export const selectionColumnTypes = sqliteTable('selection_column_types', {
  selectionId: text('selection_id')
    .primaryKey()
    .references(() => selections.id, { onDelete: 'cascade' }),
  types: text('types').notNull(),
});

/** The segment a mailing goes to within its selections (JSON, contract `Segment`). */
export const mailingSegments = sqliteTable('mailing_segments', {
  mailingId: text('mailing_id').primaryKey(),
  definition: text('definition').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Segments saved by name, to reuse on another mailing. */
export const savedSegments = sqliteTable('saved_segments', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  definition: text('definition').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
