import { randomUUID } from 'node:crypto';
import type { ColumnTargetT, ImportAnalysisT, ImportResultT } from '../../contract/selections';
import type { AppContext } from '../../app';
import { importError } from './importError';
import { countRows, emptyCounts, mergeData, planRows, type ContactSink } from './importPlan';
import { mappingProblems, rememberMapping, resolveMapping, type ColumnPlan } from './mapping';
import { openImportSource, tooLarge, type ImportSource } from './parse/importSource';
import { IMPORT_LIMITS } from './limits';
import { suppressedLookup } from './suppressedLookup';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  mapping?: ColumnTargetT[];
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
  const source = await openImportSource(request.fileName, request.bytes);
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
    columns,
    mappingRemembered: remembered,
    sampleRows,
    blocking,
  };
}

/**
 * The real import: every row written in one transaction as it is read, or nothing at all (any
 * refusal rolls back). Records the consent moment with the selection and remembers the mapping
 * for the next file of this shape.
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

  const selectionId = randomUUID();
  const now = context.clock.now();
  const sqlite = context.database.sqlite;
  const insertContact = sqlite.prepare(
    `insert into contacts (selection_id, email, normalized_email, data, row_number)
     values (?, ?, ?, ?, ?)`,
  );
  const readData = sqlite.prepare('select data from contacts where id = ?').pluck();
  const writeData = sqlite.prepare('update contacts set data = ? where id = ?');
  const sink: ContactSink = {
    add: (c) =>
      Number(
        insertContact.run(selectionId, c.email, c.normalizedEmail, c.data, c.row).lastInsertRowid,
      ),
    merge: (id, later) => {
      const before = readData.get(id) as string;
      const after = mergeData(before, later);
      if (after !== before) writeData.run(after, id);
    },
  };
  const counts = emptyCounts();
  const options = {
    isSuppressed: suppressedLookup(sqlite),
    onProgress: progress(context, request.fileName),
  };

  // A larger page cache for this one transaction keeps SQLite from spilling pages mid-import.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -16384');
  try {
    sqlite.transaction(() => {
      // The selection row first: the contacts refer to it.
      sqlite
        .prepare(
          `insert into selections (id, description, file_name, created_at, mapping, extra_columns,
             count, consent_confirmed_at) values (?, ?, ?, ?, ?, ?, 0, ?)`,
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
          now,
        );
      for (const _ of planRows(source.rows, columns, options, sink, counts, [])) {
        // Synchronous on purpose: nothing else may write inside this transaction.
      }
      if (counts.rows === 0) throw importError('noRows', 'The file has no rows');
      if (counts.imported === 0) throw importError('noValidRows', 'No valid address in the file');
      sqlite
        .prepare('update selections set count = ? where id = ?')
        .run(counts.imported, selectionId);
      rememberMapping(context, source.header, columns);
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  context.events.emit('import.progress', {
    fileName: request.fileName,
    rows: counts.rows,
    done: true,
  });
  return { ...counts, selectionId, description: request.description };
}
