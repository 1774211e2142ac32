/**
 * How many typed slots `contact_fields` has per contact. Plain constants, apart from the table, so
 * the import worker can use them without loading drizzle.
 */
export const VALUE_SLOTS = 16;
export const TEXT_SLOTS = 16;
