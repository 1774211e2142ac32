import type { CompiledMailing } from '../render';
import type { EmptyValueQuery } from './checklistStore';

/** What the checklist reads of a send's staged recipients, range by range, in SQL. */

/** Staged recipients read per statement: a few milliseconds of SQL between the loop's turns. */
export const SEQS_PER_STATEMENT = 5000;

/** A send's recipients in a staging table (selections/recipientsStaging.ts). */
export interface StagedTable {
  table: string;
  lastSeq(): number;
}

/** How each variable's value is read: a barcode may come from the reference number (personalize). */
export function valueQueries(
  compiled: CompiledMailing,
  names: readonly string[],
): EmptyValueQuery[] {
  return names.map((name) =>
    name === 'waardebon_barcode' && compiled.barcodeFromReference
      ? { name, orFrom: 'referentienummer' }
      : { name },
  );
}
