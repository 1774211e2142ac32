import cluster, { type Worker } from 'node:cluster';

/**
 * The primary of `npm run tracker` with TRACKER_WORKERS > 1: forks the workers (each a whole
 * tracker with its own store connection and event buffer, sharing the port through Node's
 * cluster), replaces one that dies, and on SIGTERM/SIGINT passes the signal on and exits only when
 * every worker has stored its buffered events and ended. It never opens the store itself: all
 * state shared between workers is in the database.
 */
export function runPrimary(workers: number, log: (line: string) => void): void {
  let stopping = false;
  let failed = false;

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('exit', (code, signal) => {
      if (code !== 0) failed = true;
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
        return;
      }
      log(`tracker worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
      // A short pause, so a worker failing at start does not spin.
      setTimeout(() => !stopping && fork(), 1000).unref();
    });
    return worker;
  };

  for (let i = 0; i < workers; i += 1) fork();
  log(`tracker primary ${process.pid}: ${workers} workers`);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: workers store their buffered events and close`);
    const running = Object.values(cluster.workers ?? {});
    if (running.length === 0) process.exit(0);
    // The signal itself, not worker.kill(): that would disconnect first and cut the drain short.
    for (const worker of running) worker?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
