import type { ColumnPlan } from '../mapping';
import type { Counts, PlannedContact } from '../importPlan';
import type { ImportSource } from '../parse/importSource';
import type { SuppressionEntry } from '../suppressedLookup';

/** What the import worker is asked, in this order: open the file, then plan its rows. */
export type ToWorker =
  | { type: 'open'; fileName: string; bytes: Uint8Array; sheet?: string }
  | {
      type: 'plan';
      columns: ColumnPlan[];
      suppression: SuppressionEntry[];
      /** The import stages its contacts (batches); the preview only counts. */
      stage: boolean;
      /** The data rows, when the preview of this very file counted them; else the worker counts. */
      knownTotal?: number;
    }
  /** The main thread stored the last batch: the worker may send the next. */
  | { type: 'ack' };

export type OpenedSource = Omit<ImportSource, 'rows'> & {
  /** SHA-256 of the file's bytes: the import finds the preview of the same file by it. */
  fingerprint: string;
};

export interface ContactBatch {
  /** Rows read so far. */
  rows: number;
  adds: PlannedContact[];
  /** Later rows of an address: fill what its first row left empty (after this batch's adds). */
  merges: [firstRow: number, data: Record<string, string>][];
}

export type FromWorker =
  | { type: 'opened'; source: OpenedSource }
  | { type: 'total'; total: number }
  | ({ type: 'batch' } & ContactBatch)
  | { type: 'done'; counts: Counts; sampleRows: string[][] }
  | {
      type: 'failed';
      error: {
        code?: string;
        message: string;
        key?: string;
        params?: Record<string, string | number>;
      };
    };
