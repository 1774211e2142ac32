import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies SQLite's write-ahead log back into the database file from a thread of its own. SQLite
 * does that (a "checkpoint") in whichever connection's commit passes 1,000 log pages: with events
 * arriving at thousands per second, every few hundred milliseconds one tracker worker's thread
 * stopped answering pixels for the copy and its fsync (13–30 ms measured here). The tracker's own
 * connection then turns automatic checkpoints off; if this thread fails, they are turned back on.
 *
 * Plain JavaScript evaluated in the thread (no TypeScript loader reaches a worker's entry); the
 * driver module's path is resolved here so the thread loads the same better-sqlite3.
 */
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// PASSIVE never waits for readers or writers; another process's checkpoint running is a skip.
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.checkpointed > 0) parentPort.postMessage(result);
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Stops the thread (its connection closes; the last checkpoint is SQLite's own at close). */
  stop(): Promise<void>;
}

export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

export function startWalCheckpointer(options: {
  path: string;
  intervalMs?: number;
  /** The thread could not start or failed: automatic checkpoints must take over again. */
  onFailure: (error: unknown) => void;
  /** After each checkpoint that copied pages (tests watch it). */
  onCheckpoint?: (result: CheckpointResult) => void;
}): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_CODE, {
    eval: true,
    workerData: { path: options.path, driver, intervalMs: options.intervalMs ?? 200 },
  });
  // A checkpointer must not keep a closing process alive.
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (error: unknown) => {
    if (stopping || failed) return;
    failed = true;
    options.onFailure(error);
  };
  worker.on('message', (result: CheckpointResult) => options.onCheckpoint?.(result));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`WAL checkpoint thread ended (${code})`)));
  return {
    async stop() {
      if (stopping || failed) return;
      stopping = true;
      const ended = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await ended;
    },
  };
}
