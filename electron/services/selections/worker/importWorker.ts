import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../contract/envelope';
import { contactFields, emptyCounts, NOWHERE, planRows } from '../importPlan';
import { openImportSource, type ImportSource } from '../parse/importSource';
import { lookupIn } from '../suppressedLookup';
import type { FromWorker, ToWorker } from './protocol';
import { ImportWorkerStore } from './importWorkerStore';

/**
 * The import's reading, checking, planning and storing, in a worker thread so the app keeps
 * answering: it opens the file, and after the main thread has chosen the mapping it goes through
 * the rows once, writing accepted contacts on its own database connection (importWorkerStore.ts) and
 * reporting progress every 5,000 rows. The suppression list comes with the request, so the
 * preview needs no database.
 */
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
let source: ImportSource | undefined;

port.on('message', (message: ToWorker) => {
  void handle(message).catch((error: unknown) => {
    const e = error instanceof Error ? error : new Error(String(error));
    send({
      type: 'failed',
      error:
        e instanceof DomainError
          ? { code: e.code, message: e.message, key: e.key, params: e.params }
          : { message: e.message },
    });
  });
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'open') {
    const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length);
    source = await openImportSource(message.fileName, bytes, message.sheet);
    const { rows: _rows, countRows: _countRows, ...opened } = source;
    const fingerprint = message.fingerprint ?? createHash('sha256').update(bytes).digest('hex');
    send({ type: 'opened', source: { ...opened, fingerprint } });
    return;
  }
  if (!source) throw new Error('plan before open');
  if (message.store) send({ type: 'total', total: message.knownTotal ?? source.countRows() });

  const isSuppressed = lookupIn(message.suppression);
  const database = message.store
    ? new ImportWorkerStore(
        message.store,
        contactFields(message.columns).map((f) => f.name),
      )
    : undefined;
  try {
    const counts = emptyCounts();
    const sampleRows: string[][] = [];
    const rows = planRows(
      source.rows,
      message.columns,
      { isSuppressed },
      database?.sink ?? NOWHERE,
      counts,
      sampleRows,
    );
    // Also for the preview: every 5,000 rows a progress report.
    for (const read of rows) {
      database?.checkpoint();
      send({ type: 'progress', rows: read });
    }
    send({ type: 'progress', rows: counts.rows });
    database?.commit(counts);
    send({ type: 'done', counts, sampleRows });
    database?.checkpointWal();
  } finally {
    database?.close();
  }
  send({ type: 'settled' });
}
