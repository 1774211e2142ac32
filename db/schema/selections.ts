import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const selections = sqliteTable('selections', {
  id: text('id').primaryKey(),
  description: text('description').notNull(),
  fileName: text('file_name').notNull(),
  createdAt: integer('created_at').notNull(),
  /** Column → variable mapping used for this import (JSON). */
  mapping: text('mapping').notNull().default('{}'),
  /** Extra columns that became variables (JSON array of names). */
  extraColumns: text('extra_columns').notNull().default('[]'),
  count: integer('count').notNull().default(0),
  /** AVG: when the shopkeeper confirmed these customers gave permission. */
  consentConfirmedAt: integer('consent_confirmed_at').notNull(),
});

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    selectionId: text('selection_id')
      .notNull()
      .references(() => selections.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    normalizedEmail: text('normalized_email').notNull(),
    /** Variables of this contact (naam, voornaam, …, extra columns) as JSON. */
    data: text('data').notNull().default('{}'),
    rowNumber: integer('row_number').notNull(),
  },
  (t) => [
    index('contacts_selection_idx').on(t.selectionId),
    index('contacts_email_idx').on(t.normalizedEmail),
  ],
);

/** Which selections a mailing goes to. */
export const mailingSelections = sqliteTable(
  'mailing_selections',
  {
    mailingId: text('mailing_id').notNull(),
    selectionId: text('selection_id')
      .notNull()
      .references(() => selections.id, { onDelete: 'cascade' }),
  },
  (t) => [index('mailing_selections_idx').on(t.mailingId, t.selectionId)],
);

/** Remembered column mappings per file shape (header signature). */
export const importMappings = sqliteTable('import_mappings', {
  signature: text('signature').primaryKey(),
  mapping: text('mapping').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
