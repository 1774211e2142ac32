import { randomUUID } from 'node:crypto';
import type { ColumnTargetT, ImportAnalysisT, ImportResultT } from '../../contract/selections';
import type { AppContext } from '../../app';
import { importError } from './importError';
import { planImport, type ImportPlan } from './importPlan';
import { mappingProblems, rememberMapping, resolveMapping, type ColumnPlan } from './mapping';
import { openImportSource, tooLarge } from './parse/importSource';
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

interface Prepared {
  format: ImportAnalysisT['format'];
  encoding: ImportAnalysisT['encoding'];
  delimiter: ImportAnalysisT['delimiter'];
  header: string[];
  columns: ColumnPlan[];
  remembered: boolean;
  plan: ImportPlan;
  blocking: ImportAnalysisT['blocking'];
}

async function prepare(context: AppContext, request: ImportRequest): Promise<Prepared> {
  const source = await openImportSource(request.fileName, request.bytes);
  const { columns, remembered } = resolveMapping(context, source.header, request.mapping);
  const special = columns.filter((c) => c.specialCategory);
  if (request.refuseUnreviewedSpecialColumns && !remembered && special.length > 0)
    throw importError('specialCategoryUnreviewed', 'Special-category columns need a review', {
      columns: special.map((c) => c.header).join(', '),
    });
  const plan = await planImport(source.rows, columns, {
    isSuppressed: suppressedLookup(context.database.sqlite),
    onProgress: (rows) =>
      context.events.emit('import.progress', { fileName: request.fileName, rows, done: false }),
  });
  const blocking = mappingProblems(columns);
  if (plan.counts.rows === 0) blocking.push({ key: 'selections:errors.noRows', params: {} });
  else if (blocking.length === 0 && plan.contacts.length === 0)
    blocking.push({ key: 'selections:errors.noValidRows', params: {} });
  return { ...source, columns, remembered, plan, blocking };
}

/** The preview: format, columns with the proposed mapping, flags, first rows and counts. */
export async function analyzeImport(
  context: AppContext,
  request: ImportRequest,
): Promise<ImportAnalysisT> {
  const p = await prepare(context, request);
  return {
    ...p.plan.counts,
    format: p.format,
    encoding: p.encoding,
    delimiter: p.delimiter,
    columns: p.columns,
    mappingRemembered: p.remembered,
    sampleRows: p.plan.sampleRows,
    blocking: p.blocking,
  };
}

/**
 * The real import: all rows in one transaction or none. Records the consent moment with the
 * selection and remembers the mapping for the next file of this shape.
 */
export async function importSelection(
  context: AppContext,
  request: ImportRequest & { description: string },
): Promise<ImportResultT> {
  const p = await prepare(context, request);
  const problem = p.blocking[0];
  if (problem)
    throw importError(problem.key.replace('selections:errors.', ''), problem.key, problem.params);
  const selectionId = randomUUID();
  const now = context.clock.now();
  const sqlite = context.database.sqlite;
  const insertSelection = sqlite.prepare(
    `insert into selections (id, description, file_name, created_at, mapping, extra_columns, count,
       consent_confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = sqlite.prepare(
    `insert into contacts (selection_id, email, normalized_email, data, row_number)
     values (?, ?, ?, ?, ?)`,
  );
  // A larger page cache for this one transaction keeps SQLite from spilling pages mid-import.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -65536');
  try {
    sqlite.transaction(() => {
      insertSelection.run(
        selectionId,
        request.description,
        request.fileName,
        now,
        JSON.stringify(
          p.columns.map(({ header, target, variable }) => ({ header, target, variable })),
        ),
        JSON.stringify(p.columns.filter((c) => c.target === 'extra').map((c) => c.variable)),
        p.plan.contacts.length,
        now,
      );
      for (const c of p.plan.contacts) {
        insertContact.run(selectionId, c.email, c.normalizedEmail, c.data, c.row);
      }
      rememberMapping(context, p.header, p.columns);
    })();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  context.events.emit('import.progress', {
    fileName: request.fileName,
    rows: p.plan.counts.rows,
    done: true,
  });
  return { ...p.plan.counts, selectionId, description: request.description };
}
