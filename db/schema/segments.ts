import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { contacts, selections } from './selections';

/**
 * One row per contact and non-empty column, typed once at import (column types are inferred from
 * the whole file), so a segment compares plain indexed values instead of parsing JSON per row.
 * `number` holds a number column's value, `day` a date column's value as yyyymmdd, `lowered` the
 * value as text in lower case (every column, for "is" and "contains").
 */
export const contactValues = sqliteTable(
  'contact_values',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    selectionId: text('selection_id')
      .notNull()
      .references(() => selections.id, { onDelete: 'cascade' }),
    column: text('column').notNull(),
    number: real('number'),
    day: integer('day'),
    lowered: text('lowered').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contactId, t.column] }),
    index('contact_values_lowered_idx').on(t.selectionId, t.column, t.lowered),
    // Partial: only number and date columns have entries, so text columns cost nothing here.
    index('contact_values_number_idx')
      .on(t.selectionId, t.column, t.number)
      .where(sql`number is not null`),
    index('contact_values_day_idx')
      .on(t.selectionId, t.column, t.day)
      .where(sql`day is not null`),
  ],
);

/** The column types of a selection ({ column: 'number' | 'date' | 'text' }), set when typed. */
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
