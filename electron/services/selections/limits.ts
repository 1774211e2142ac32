import { MAX_IMPORT_BYTES } from '../../contract/plain/importLimits';

/** Limits of one import file; each has a clear message (selections:errors.*). */
export const IMPORT_LIMITS = {
  maxBytes: MAX_IMPORT_BYTES,
  /** A row with more cells than this is a broken export, not a customer list. */
  maxColumns: 200,
  maxRows: 250_000,
  /** How many rejected/duplicate/suppressed rows a report lists (the counts go on). */
  maxListed: 1000,
  sampleRows: 5,
} as const;
