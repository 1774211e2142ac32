import { Turns } from '../core/turns';
import type { CompiledMailing } from '../render';
import type { EmptyValueQuery } from './checklistStore';

/** What the checklist reads of a send's staged recipients, range by range, in SQL. */

/** Staged recipients read per statement: a few milliseconds of SQL between the loop's turns. */
const SEQS_PER_STATEMENT = 5000;

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

/**
 * Reads a send's staged recipients range by range, seq in (after, until], and hands each range's
 * result to `use`; 100,000 recipients take a while, so the app gets a turn between statements.
 */
export async function eachStagedRange<T>(
  staged: StagedTable,
  read: (after: number, until: number) => T,
  use: (result: T) => void,
): Promise<void> {
  const last = staged.lastSeq();
  const turns = new Turns();
  for (let after = 0; after < last; after += SEQS_PER_STATEMENT) {
    use(read(after, after + SEQS_PER_STATEMENT));
    await turns.pause();
  }
}
