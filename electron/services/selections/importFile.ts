import { randomUUID } from 'node:crypto';
import type { ColumnTargetT, ImportAnalysisT, ImportResultT } from '../../contract/selections';
import type { AppContext } from '../core/appContext';
import { importError } from './importError';
import { mappingProblems, rememberMapping, resolveMapping, type ColumnPlan } from './mapping';
import { tooLarge } from './parse/importSource';
import { IMPORT_LIMITS } from './limits';
import { suppressionEntries } from './suppressedLookup';
import { ImportWorkerClient } from './worker/importWorkerClient';
import type { ImportFileSource, OpenedSource } from './worker/protocol';

export type { ImportFileSource };

export interface ImportRequest {
  fileName: string;
  file: ImportFileSource;
  mapping?: ColumnTargetT[];
  /** Of a workbook: the sheet to read. */
  sheet?: string;
  /**
   * Unattended imports (the import folder) refuse a file with special-category columns unless the
   * shopkeeper already chose a mapping for files of this shape.
   */
  refuseUnreviewedSpecialColumns?: boolean;
}

/** base64 → bytes, refusing an oversized file before decoding it. */
export function decodeUpload(dataBase64: string): Buffer {
  const approxBytes = Math.floor((dataBase64.length * 3) / 4);
  if (approxBytes > IMPORT_LIMITS.maxBytes + 4) throw tooLarge(approxBytes);
  return Buffer.from(dataBase64, 'base64');
}

/**
 * Opens the file in an import worker and chooses the mapping (given, remembered or proposed). The
 * caller closes the worker.
 */
async function open(
  context: AppContext,
  request: ImportRequest,
): Promise<{
  worker: ImportWorkerClient;
  source: OpenedSource;
  columns: ColumnPlan[];
  remembered: boolean;
}> {
  const worker = await ImportWorkerClient.start();
  try {
    const source = await worker.open(request.fileName, request.file, request.sheet);
    const { columns, remembered } = resolveMapping(
      context,
      source.header,
      request.mapping,
      source.preview,
    );
    const special = columns.filter((c) => c.specialCategory);
    if (request.refuseUnreviewedSpecialColumns && !remembered && special.length > 0)
      throw importError('specialCategoryUnreviewed', 'Special-category columns need a review', {
        columns: special.map((c) => c.header).join(', '),
      });
    return { worker, source, columns, remembered };
  } catch (error) {
    await worker.close();
    throw error;
  }
}

/**
 * Rows counted by the previews of the last few files, by content: the import that follows a
 * preview reads its file once (the count only serves "x of y rows").
 */
const previews = new Map<string, number>();

function rememberPreview(fingerprint: string, sheet: string | null, rows: number): void {
  previews.delete(`${fingerprint}:${sheet ?? ''}`);
  previews.set(`${fingerprint}:${sheet ?? ''}`, rows);
  while (previews.size > 8) previews.delete(previews.keys().next().value!);
}

function previewedRows(fingerprint: string, sheet: string | null): number | undefined {
  return previews.get(`${fingerprint}:${sheet ?? ''}`);
}

/** The preview: format, columns with the proposed mapping, flags, first rows and counts. */
export async function analyzeImport(
  context: AppContext,
  request: ImportRequest,
): Promise<ImportAnalysisT> {
  const { worker, source, columns, remembered } = await open(context, request);
  try {
    const { counts, sampleRows } = await worker.plan(
      { columns, suppression: suppressionEntries(context.database.sqlite) },
      {
        onProgress: (rows) =>
          context.events.emit('import.progress', { fileName: request.fileName, rows, done: false }),
      },
    );
    rememberPreview(source.fingerprint, source.sheet, counts.rows);
    const blocking = mappingProblems(columns);
    if (counts.rows === 0) blocking.push({ key: 'selections:errors.noRows', params: {} });
    else if (blocking.length === 0 && counts.imported === 0)
      blocking.push({ key: 'selections:errors.noValidRows', params: {} });
    return {
      ...counts,
      format: source.format,
      encoding: source.encoding,
      delimiter: source.delimiter,
      sheets: source.sheets,
      sheet: source.sheet,
      warnings: source.warnings,
      columns,
      mappingRemembered: remembered,
      sampleRows,
      blocking,
    };
  } finally {
    await worker.close();
  }
}

/** Import workers still checkpointing after their answer (worker.finish). */
const settling = new Set<Promise<void>>();

/** When every finished import's worker has checkpointed and ended: the app's close awaits it. */
export async function importsSettled(): Promise<void> {
  await Promise.all(settling);
}

/**
 * The real import, all or nothing. The worker reads and checks the file, stages the accepted
 * contacts on its own database connection (progress every 5,000 rows), then creates the selection
 * and copies its contacts in one transaction; the main thread only awaits it, so the app keeps
 * answering throughout. Any refusal before that leaves nothing, and nothing outside this import
 * ever shares its transaction. Records the consent moment with the selection and remembers the
 * mapping for the next file of this shape.
 */
export async function importSelection(
  context: AppContext,
  request: ImportRequest & { description: string },
): Promise<ImportResultT> {
  const { worker, source, columns } = await open(context, request);
  let stored = false;
  try {
    const problem = mappingProblems(columns)[0];
    if (problem)
      throw importError(
        problem.key.replace('selections:errors.', ''),
        'The column mapping cannot be used',
        problem.params,
      );
    const sqlite = context.database.sqlite;
    let total: number | undefined;
    let reported = 0;
    const report = (rows: number, done: boolean) =>
      context.events.emit('import.progress', { fileName: request.fileName, rows, total, done });
    const selectionId = randomUUID();
    const { counts } = await worker.plan(
      {
        columns,
        suppression: suppressionEntries(sqlite),
        knownTotal: previewedRows(source.fingerprint, source.sheet),
        store: {
          databaseFile: sqlite.name,
          id: selectionId,
          description: request.description,
          fileName: request.fileName,
          createdAt: context.clock.now(),
          mapping: JSON.stringify(
            columns.map(({ header, target, variable }) => ({ header, target, variable })),
          ),
          extraColumns: JSON.stringify(
            columns.filter((c) => c.target === 'extra').map((c) => c.variable),
          ),
        },
      },
      {
        onTotal: (rows) => {
          total = rows;
          report(0, false);
        },
        onProgress: (rows) => {
          // The last report may hold no new rows (the rest of the file after the last 5,000).
          if (rows > reported) report((reported = rows), false);
        },
      },
    );
    stored = true;
    rememberMapping(context, source.header, columns);
    // The counted rows replace the estimate of a CSV file read without a preview.
    total = counts.rows;
    report(counts.rows, true);
    return { ...counts, selectionId, description: request.description };
  } finally {
    // Stored: the worker checkpoints the WAL after the answer, then ends (worker.finish).
    if (stored) {
      const finishing: Promise<void> = worker.finish().finally(() => settling.delete(finishing));
      settling.add(finishing);
    } else await worker.close();
  }
}
