import cluster, { type Worker } from 'node:cluster';
import type { SpoolCap } from './spool/spoolCap';
import { isSpoolStoredMessage, type SpoolOverCapMessage } from './spool/spoolCapMessages';
import { watchSpoolCap } from './spool/spoolCapWatch';
import { segmentBytes } from './spool/spoolFiles';

/** The environment variable that makes a forked process the spool's ingester instead of a server. */
export const ROLE_VARIABLE = 'TRACKER_ROLE';
export const INGESTER_ROLE = 'ingester';
/** The primary's message to the ingester once every worker has ended: store all, then exit. */
export const DRAIN_MESSAGE = 'drain-spool';

/**
 * The primary of `npm run tracker`: forks the answering workers (each a whole tracker with its own
 * store connection, sharing the port through Node's cluster) and one ingester (which stores what
 * the workers spooled, see spool/spoolIngester), and replaces one that dies. On SIGTERM/SIGINT it
 * passes the signal to the workers; once every worker has written its spool and ended, the ingester
 * gets it and stores the whole spool; the primary exits after that. It never opens the store
 * itself: all state shared between workers is in the database. It watches the spool's unstored
 * backlog (spool/spoolCapWatch) and tells the workers and the ingester when it passes its cap
 * and when it is back under it.
 */
export function runPrimary(
  workers: number,
  log: (line: string) => void,
  spool: { dir: string; cap: SpoolCap },
): void {
  let stopping = false;
  let failed = false;
  const servers = new Set<Worker>();
  let ingester: Worker | null = null;
  /** The ingester has reported once: its message handler exists, so it hears the drain. */
  let ingesterHeard = false;
  let drainWanted = false;
  let drainIngesterForked = false;

  const tellOverCap = (worker: Worker, over: boolean) => {
    const message: SpoolOverCapMessage = { type: 'spool-over-cap', over };
    if (worker.isConnected()) worker.send(message);
  };
  const capWatch = watchSpoolCap(spool.dir, spool.cap, (over, backlogBytes) => {
    log(overCapLine(over, backlogBytes, spool.cap));
    for (const worker of servers) tellOverCap(worker, over);
    if (ingester) tellOverCap(ingester, over);
  });

  const exitWhenDone = () => {
    if (servers.size > 0) return;
    // The ingester was between a crash and its restart: one more is started just to store the rest.
    if (!ingester && !drainIngesterForked && segmentBytes(spool.dir) > 0) {
      drainIngesterForked = true;
      forkIngester();
    }
    if (!ingester) return process.exit(failed ? 1 : 0);
    // A message, not a signal: Ctrl+C signals the whole process group at once, and the ingester
    // must not take the spool as final while a worker may still write to it. One still starting
    // gets it with its first report (a message sent before its handler exists is lost).
    drainWanted = true;
    if (ingesterHeard) ingester.send(DRAIN_MESSAGE);
  };

  const restart = (
    worker: Worker,
    code: number | null,
    signal: string | null,
    again: () => void,
  ) => {
    log(`tracker process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    // A short pause, so a process failing at start does not spin.
    setTimeout(() => !stopping && again(), 1000).unref();
  };

  const forkServer = () => {
    const worker = cluster.fork();
    servers.add(worker);
    // Not at 'online': a message sent before the worker's handler exists is lost. It sets its
    // handler before it listens.
    worker.on('listening', () => capWatch.over && tellOverCap(worker, true));
    worker.on('exit', (code, signal) => {
      servers.delete(worker);
      // The exit code says whether the drain worked; a process that died earlier was replaced.
      if (stopping && code !== 0) failed = true;
      if (stopping) exitWhenDone();
      else restart(worker, code, signal, forkServer);
    });
  };

  const forkIngester = () => {
    const worker = cluster.fork({ [ROLE_VARIABLE]: INGESTER_ROLE });
    ingester = worker;
    ingesterHeard = false;
    worker.on('message', (message) => {
      if (!isSpoolStoredMessage(message)) return;
      capWatch.setStored(message.segments);
      if (ingesterHeard) return;
      // Its first report says it listens for messages: now it can hear what it was not told yet.
      ingesterHeard = true;
      if (capWatch.over) tellOverCap(worker, true);
      if (drainWanted) worker.send(DRAIN_MESSAGE);
    });
    worker.on('exit', (code, signal) => {
      ingester = null;
      capWatch.forgetStored();
      if (stopping && code !== 0) failed = true;
      if (stopping) exitWhenDone();
      else restart(worker, code, signal, forkIngester);
    });
  };

  forkIngester();
  for (let i = 0; i < workers; i += 1) forkServer();
  log(`tracker primary ${process.pid}: ${workers} workers and an ingester`);

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    capWatch.stop();
    log(`${signal}: workers write their spools and close, then the ingester stores them`);
    if (servers.size === 0) return exitWhenDone();
    // The signal itself, not worker.kill(): that would disconnect first and cut the drain short.
    for (const worker of servers) worker.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Said once when the tracker enters the mode and once when it leaves it, never per request. */
function overCapLine(over: boolean, backlogBytes: number, cap: SpoolCap): string {
  return over
    ? `event spool over its cap: ${megabytes(backlogBytes)} MB not stored yet (cap ` +
        `${megabytes(cap.capBytes)} MB, TRACKER_SPOOL_MAX_MB); the workers check and store opens ` +
        `and clicks themselves until it is under ${megabytes(cap.resumeBytes)} MB`
    : `event spool back under its cap: ${megabytes(backlogBytes)} MB not stored yet; the ` +
        `workers spool opens and clicks again`;
}
