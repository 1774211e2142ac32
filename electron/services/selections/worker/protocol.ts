import type { ColumnPlan } from '../mapping';
import type { Counts } from '../importPlan';
import type { ImportSource } from '../parse/importSource';
import type { SuppressionEntry } from '../suppressedLookup';

/**
 * The file to import: a path the import worker reads itself (Electron's chosen file, an upload of
 * browser mode, the import folder), or bytes handed over to the worker (tests, small scripted
 * files; not usable after the call).
 */
export type ImportFileSource = { path: string } | { bytes: Buffer };

/** The selection the import creates, written by the worker with its contacts in one transaction. */
export interface SelectionToStore {
  /** The app's database file: the worker writes it through a connection of its own. */
  databaseFile: string;
  id: string;
  description: string;
  fileName: string;
  createdAt: number;
  /** JSON, as the selections table keeps them. */
  mapping: string;
  extraColumns: string;
}

/** What the import worker is asked, in this order: open the file, then plan its rows. */
export type ToWorker =
  | {
      type: 'open';
      fileName: string;
      bytes: Uint8Array;
      /** SHA-256 of the bytes when the main thread has it already; else the worker hashes. */
      fingerprint?: string;
      sheet?: string;
    }
  | {
      type: 'plan';
      columns: ColumnPlan[];
      suppression: SuppressionEntry[];
      /** The import stores its contacts as this selection; the preview only counts. */
      store?: SelectionToStore;
      /** The data rows, when the preview of this very file counted them; else the worker counts. */
      knownTotal?: number;
    };

export type OpenedSource = Omit<ImportSource, 'rows' | 'countRows'> & {
  /** SHA-256 of the file's bytes: the import finds the preview of the same file by it. */
  fingerprint: string;
};

export type FromWorker =
  | { type: 'opened'; source: OpenedSource }
  | { type: 'total'; total: number }
  /** Rows read so far. */
  | { type: 'progress'; rows: number }
  | { type: 'done'; counts: Counts; sampleRows: string[][] }
  /** After `done`: the WAL checkpointed and the connection closed; the thread may end. */
  | { type: 'settled' }
  | {
      type: 'failed';
      error: {
        code?: string;
        message: string;
        key?: string;
        params?: Record<string, string | number>;
      };
    };
