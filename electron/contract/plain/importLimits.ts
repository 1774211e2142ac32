/** Largest import file accepted (the renderer checks the same figure before uploading). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
