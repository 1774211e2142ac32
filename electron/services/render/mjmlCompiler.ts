import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CompileAnswer, CompileRequest } from './mjmlProtocol';
import { mjmlWorkerFile } from './mjmlWorkerFile';

export interface MjmlOutput {
  html: string;
  /** MJML's validation errors (formatted): none for a mailing it accepts. */
  errors: string[];
}

export interface MjmlCompilerOptions {
  /**
   * How long the worker waits for the next compile before it ends (default a minute: previews
   * while editing and a send started from the checklist find it running; a start costs some
   * 0.7 s of CPU in the worker).
   */
  idleMs?: number;
  /** A compile not answered by then ends the worker (start-up included); read at each compile. */
  timeoutMs?: number;
  /** The worker's entry file (default: mjmlWorkerFile()). */
  workerFile?: () => Promise<string>;
  resourceLimits?: ResourceLimits;
}

/**
 * The worker thread stopped (crashed, ran out of memory), did not answer in time, or MJML threw
 * instead of answering with its validation errors.
 */
export class MjmlWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MjmlWorkerError';
  }
}

/**
 * A compile makes short-lived garbage in bulk; V8's default young generation grows to 32 MB for
 * it and keeps it. 8 MB: the worker holds some 40 instead of 70 MB, at the same CPU a compile
 * (measured: 17–21 ms warm either way, 630–990 ms for a start with MJML's load).
 */
const WORKER_HEAP: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

interface Pending {
  resolve: (output: MjmlOutput) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * MJML's compile in a worker thread (mjmlWorker.ts), so MJML's modules and garbage (some 60 MB,
 * and a young generation grown to 32 MB) never sit in the app's own heap. The worker is started at
 * a compile and kept while compiles keep coming (previews while editing); it ends `idleMs` after
 * the last answer, or at once through `release()` (after a send's compile), so its isolate's
 * memory goes back. A crash or a compile that does not answer rejects every waiting compile with
 * an MjmlWorkerError; the next compile starts a new worker.
 */
export class MjmlCompiler {
  private worker: Promise<Worker> | undefined;
  /** Counts the workers started: events of an ended one are ignored. */
  private generation = 0;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private releaseWhenDone = false;

  constructor(private readonly options: MjmlCompilerOptions = {}) {}

  /** Whether a worker thread is running (or starting) now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  compile(source: string): Promise<MjmlOutput> {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const worker = (this.worker ??= this.start(++this.generation));
    const generation = this.generation;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    return new Promise<MjmlOutput>((resolve, reject) => {
      const timer = setTimeout(
        () => void this.stop(new MjmlWorkerError(`MJML did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.pending.set(id, { resolve, reject, timer });
      worker.then(
        (w) => w.postMessage({ id, source } satisfies CompileRequest),
        (error: unknown) => {
          if (generation === this.generation)
            void this.stop(asWorkerError('MJML could not start', error));
        },
      );
    });
  }

  /**
   * Ends the worker now when no compile waits, else once the last has answered. Resolves when a
   * worker ended now has exited (its isolate and memory gone), at once otherwise.
   */
  release(): Promise<void> {
    if (this.pending.size === 0) return this.stop();
    this.releaseWhenDone = true;
    return Promise.resolve();
  }

  private async start(generation: number): Promise<Worker> {
    const file = await (this.options.workerFile ?? mjmlWorkerFile)();
    const worker = new Worker(file, {
      resourceLimits: this.options.resourceLimits ?? WORKER_HEAP,
    });
    const current = () => generation === this.generation;
    worker.on('message', (answer: CompileAnswer) => {
      if (current()) this.answered(answer);
    });
    worker.on('error', (error) => {
      if (current()) void this.stop(asWorkerError('MJML stopped', error));
    });
    worker.on('exit', (code) => {
      if (current()) void this.stop(new MjmlWorkerError(`MJML stopped (exit code ${code})`));
    });
    // An idle worker never keeps the app from exiting.
    worker.unref();
    return worker;
  }

  private answered(answer: CompileAnswer): void {
    const pending = this.pending.get(answer.id);
    if (!pending) return;
    this.pending.delete(answer.id);
    clearTimeout(pending.timer);
    if ('failure' in answer) pending.reject(new MjmlWorkerError(`MJML failed: ${answer.failure}`));
    else pending.resolve({ html: answer.html, errors: answer.errors });
    if (this.pending.size > 0) return;
    if (this.releaseWhenDone) void this.stop();
    else this.idleTimer = setTimeout(() => void this.stop(), this.options.idleMs ?? 60_000).unref();
  }

  /**
   * Ends the worker (its memory goes back); rejects what still waits with `error`. Resolves once
   * the thread has exited; never rejects.
   */
  private stop(error: Error = new MjmlWorkerError('MJML stopped')): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.worker = undefined;
    this.generation++;
    this.releaseWhenDone = false;
    clearTimeout(this.idleTimer);
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
    return worker.then(
      (w) => w.terminate().then(() => undefined),
      () => undefined,
    );
  }
}

function asWorkerError(what: string, error: unknown): MjmlWorkerError {
  return new MjmlWorkerError(`${what}: ${error instanceof Error ? error.message : String(error)}`);
}
