import { randomUUID } from 'node:crypto';
import type { ColumnTargetT, ImportAnalysisT, ImportResultT } from '../../contract/selections';
import type { AppContext } from '../../app';
import { importError } from './importError';
import { countRows, emptyCounts, planRows } from './importPlan';
import { ImportStaging } from './importStaging';
import { mappingProblems, rememberMapping, resolveMapping, type ColumnPlan } from './mapping';
import {
  isEmptyRow,
  openImportSource,
  tooLarge,
  type ImportSource,
  type SourceRow,
} from './parse/importSource';
import { IMPORT_LIMITS } from './limits';
import { suppressedLookup } from './suppressedLookup';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
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

async function open(
  context: AppContext,
  request: ImportRequest,
): Promise<{ source: ImportSource; columns: ColumnPlan[]; remembered: boolean }> {
  const source = await openImportSource(request.fileName, request.bytes, request.sheet);
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
  return { source, columns, remembered };
}

function progress(context: AppContext, fileName: string) {
  return (rows: number) => context.events.emit('import.progress', { fileName, rows, done: false });
}

/** The preview: format, columns with the proposed mapping, flags, first rows and counts. */
export async function analyzeImport(
  context: AppContext,
  request: ImportRequest,
): Promise<ImportAnalysisT> {
  const { source, columns, remembered } = await open(context, request);
  const { counts, sampleRows } = await countRows(source.rows, columns, {
    isSuppressed: suppressedLookup(context.database.sqlite),
    onProgress: progress(context, request.fileName),
  });
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
}

/**
 * The real import, all or nothing. The file is read in chunks into a temporary table, with a turn
 * for the event loop (and a progress event) after each chunk; then one transaction creates the
 * selection and copies its contacts in one statement. Any refusal before that leaves nothing, and
 * nothing outside this import ever shares its transaction. Records the consent moment with the
 * selection and remembers the mapping for the next file of this shape.
 */
export async function importSelection(
  context: AppContext,
  request: ImportRequest & { description: string },
): Promise<ImportResultT> {
  const { source, columns } = await open(context, request);
  const problem = mappingProblems(columns)[0];
  if (problem)
    throw importError(
      problem.key.replace('selections:errors.', ''),
      'The column mapping cannot be used',
      problem.params,
    );

  const sqlite = context.database.sqlite;
  const total = await countDataRows(source.rows);
  const report = (rows: number, done: boolean) =>
    context.events.emit('import.progress', { fileName: request.fileName, rows, total, done });
  report(0, false);

  const counts = emptyCounts();
  const staging = new ImportStaging(sqlite);
  try {
    const steps = planRows(
      source.rows,
      columns,
      { isSuppressed: suppressedLookup(sqlite) },
      staging.sink,
      counts,
      [],
    );
    // Each chunk in a transaction of its own (on the temporary table only): fast, and done
    // before anything else gets the connection.
    const nextChunk = sqlite.transaction(() => steps.next());
    while (!nextChunk().done) {
      report(counts.rows, false);
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (counts.rows === 0) throw importError('noRows', 'The file has no rows');
    if (counts.imported === 0) throw importError('noValidRows', 'No valid address in the file');

    const selectionId = randomUUID();
    const now = context.clock.now();
    sqlite.transaction(() => {
      sqlite
        .prepare(
          `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
             count, consent_confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          selectionId,
          request.description,
          request.fileName,
          now,
          JSON.stringify(
            columns.map(({ header, target, variable }) => ({ header, target, variable })),
          ),
          JSON.stringify(columns.filter((c) => c.target === 'extra').map((c) => c.variable)),
          counts.imported,
          now,
        );
      staging.copyInto(selectionId);
      rememberMapping(context, source.header, columns);
    })();
    report(counts.rows, true);
    return { ...counts, selectionId, description: request.description };
  } finally {
    staging.drop();
  }
}

/**
 * The data rows the import will go through (empty lines do not count), for "x of y rows"; with a
 * turn for the app now and then, as a large file takes a while even just to read.
 */
async function countDataRows(rows: Iterable<SourceRow>): Promise<number> {
  let count = 0;
  let read = 0;
  for (const { cells } of rows) {
    if (!isEmptyRow(cells)) count += 1;
    if ((read += 1) % 20_000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return count;
}
