import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../contract/envelope';
import type { Counts } from '../importPlan';
import type { FromWorker, ImportFileSource, OpenedSource, ToWorker } from './protocol';
import { fileForWorker } from './fileForWorker';
import { workerEntry } from './workerEntry';

/**
 * Parsing makes short-lived strings by the million; V8's default young generation (up to 48 MB)
 * lets them pile up before a scavenge. A small one keeps the worker's memory low at little CPU.
 */
const HEAP = { maxYoungGenerationSizeMb: 8 };

/** The worker from its entry file (workerEntry.ts), else its TypeScript source through tsx. */
async function startWorker(): Promise<Worker> {
  const entry = await workerEntry();
  if (entry) return new Worker(entry, { resourceLimits: HEAP });
  // Node 20 loads a worker's entry before an --import hook: register tsx first, then import.
  const source = pathToFileURL(join(import.meta.dirname, 'importWorker.ts')).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, resourceLimits: HEAP },
  );
}

interface PlanHandlers {
  onTotal?: (total: number) => void;
  /** Rows read so far, every 5,000 rows and at the end. */
  onProgress: (rows: number) => void;
}

/** One import's worker thread: open the file, then plan (and store) its rows; always `close()` it. */
export class ImportWorkerClient {
  private listener: ((message: FromWorker) => void) | undefined;
  private failure: ((error: Error) => void) | undefined;
  /** The worker said `settled` (after a plan), or ended. */
  private settled = false;
  private onSettled: (() => void) | undefined;

  /** Starts the worker thread. */
  static async start(): Promise<ImportWorkerClient> {
    return new ImportWorkerClient(await startWorker());
  }

  private constructor(private readonly worker: Worker) {
    this.worker.on('message', (message: FromWorker) => {
      // A failure after `done` (closing the connection) settles too: finish() must not hang.
      if (message.type === 'settled' || message.type === 'failed') this.settle();
      if (message.type !== 'settled') this.listener?.(message);
    });
    this.worker.on('error', (error) => {
      this.settle();
      this.failure?.(error);
    });
    this.worker.on('exit', (code) => {
      this.settle();
      this.failure?.(new Error(`import worker ended (${code})`));
    });
  }

  /**
   * Opens the file in the worker. A path is read (and hashed) on this side while the worker thread
   * starts (fileForWorker.ts). The bytes move to the worker instead of being copied when the
   * buffer owns its memory (a file read here, a decoded base64 upload), so the file is not held
   * twice; the caller must not use `bytes` afterwards. A slice of a shared pool is copied.
   */
  async open(fileName: string, file: ImportFileSource, sheet?: string): Promise<OpenedSource> {
    const { bytes, fingerprint } = await fileForWorker(file);
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return this.ask(
      { type: 'open', fileName, bytes, fingerprint, sheet },
      (message, resolve) => {
        if (message.type === 'opened') resolve(message.source);
      },
      owned ? [bytes.buffer as ArrayBuffer] : [],
    );
  }

  plan(
    request: Omit<Extract<ToWorker, { type: 'plan' }>, 'type'>,
    handlers: PlanHandlers,
  ): Promise<{ counts: Counts; sampleRows: string[][] }> {
    return this.ask({ type: 'plan', ...request }, (message, resolve) => {
      if (message.type === 'total') handlers.onTotal?.(message.total);
      else if (message.type === 'progress') handlers.onProgress(message.rows);
      else if (message.type === 'done')
        resolve({ counts: message.counts, sampleRows: message.sampleRows });
    });
  }

  /**
   * After a plan that succeeded: the worker checkpoints the WAL and closes its connection (it
   * says `settled`), then the thread ends. Never rejects; the import's answer need not wait.
   */
  async finish(): Promise<void> {
    if (!this.settled) await new Promise<void>((resolve) => (this.onSettled = resolve));
    await this.close();
  }

  async close(): Promise<void> {
    this.listener = undefined;
    this.failure = undefined;
    await this.worker.terminate();
  }

  private settle(): void {
    this.settled = true;
    this.onSettled?.();
  }

  private ask<T>(
    request: ToWorker,
    onMessage: (message: FromWorker, resolve: (value: T) => void) => void,
    transfer: ArrayBuffer[] = [],
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.failure = reject;
      this.listener = (message) => {
        if (message.type === 'failed') {
          const { code, message: text, key, params } = message.error;
          reject(code ? new DomainError(code, text, key, params) : new Error(text));
          return;
        }
        try {
          onMessage(message, resolve);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.worker.postMessage(request, transfer);
    });
  }
}
