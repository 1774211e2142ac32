import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../contract/envelope';
import { emptyCounts, planRows, type ContactSink, type PlannedContact } from '../importPlan';
import { isEmptyRow, openImportSource, type ImportSource } from '../parse/importSource';
import { lookupIn } from '../suppressedLookup';
import type { FromWorker, ToWorker } from './protocol';

/**
 * The import's reading, checking and planning, in a worker thread so the app keeps answering:
 * it opens the file, and after the main thread has chosen the mapping it goes through the rows
 * once, sending accepted contacts in batches that the main thread stages in SQLite. The worker
 * holds no database: the suppression list comes with the request.
 */
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);
let source: ImportSource | undefined;
let acked: (() => void) | undefined;

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    acked?.();
    return;
  }
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

async function handle(message: Exclude<ToWorker, { type: 'ack' }>): Promise<void> {
  if (message.type === 'open') {
    const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.length);
    source = await openImportSource(message.fileName, bytes, message.sheet);
    const { rows: _rows, ...opened } = source;
    const fingerprint = createHash('sha256').update(bytes).digest('hex');
    send({ type: 'opened', source: { ...opened, fingerprint } });
    return;
  }
  if (!source) throw new Error('plan before open');
  if (message.stage) send({ type: 'total', total: message.knownTotal ?? countDataRows(source) });

  const isSuppressed = lookupIn(message.suppression);

  let adds: PlannedContact[] = [];
  let merges: [number, Record<string, string>][] = [];
  const sink: ContactSink = message.stage
    ? { add: (c) => adds.push(c), merge: (row, data) => merges.push([row, data]) }
    : { add: () => {}, merge: () => {} };
  const counts = emptyCounts();
  const sampleRows: string[][] = [];
  // Also for the preview: each batch is a progress report.
  const flush = async () => {
    const ackedNow = new Promise<void>((resolve) => (acked = resolve));
    send({ type: 'batch', rows: counts.rows, adds, merges });
    adds = [];
    merges = [];
    await ackedNow;
  };
  for (const _ of planRows(
    source.rows,
    message.columns,
    { isSuppressed },
    sink,
    counts,
    sampleRows,
  ))
    await flush();
  await flush();
  send({ type: 'done', counts, sampleRows });
}

/** The data rows (empty lines do not count), for "x of y rows". */
function countDataRows(opened: ImportSource): number {
  let count = 0;
  for (const { cells } of opened.rows) if (!isEmptyRow(cells)) count += 1;
  return count;
}
