import { setPriority } from 'node:os';
import type { trackerEnv } from '../env';
import { openStore } from '../store/openStore';
import { isSpoolOverCapMessage, type SpoolStoredMessage } from './spoolCapMessages';
import { SpoolIngester } from './spoolIngester';
import { startIngestLoop } from './spoolIngestLoop';

/** Nice 19: the answering workers get the CPU first; storing catches up when they are idle. */
const INGESTER_NICENESS = 19;

const log = (fields: Record<string, unknown>, msg: string) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, ...fields, msg }));

/**
 * The ingester process of `npm run tracker`: stores the spooled opens and clicks every 50 ms at a
 * lower OS priority, and on the primary's drain message (all workers have ended) stores the rest
 * and exits. Signals are left to the primary (Ctrl+C reaches every process of the group at once).
 */
export async function runIngester(
  env: ReturnType<typeof trackerEnv>,
  drainMessage: string,
): Promise<void> {
  try {
    setPriority(INGESTER_NICENESS);
  } catch {
    // Not permitted here: it then runs at the workers' priority, which is only slower for them.
  }
  // The events are written here, so the log is copied back here too: by a thread of this process
  // (at its priority), never by a thread of an answering worker.
  const store = await openStore({ ...env, backgroundCheckpoints: true });
  const ingester = new SpoolIngester(env.spoolDir, store, {
    onRejected: (count) => log({ rejected: count }, 'spooled visits with an invalid token dropped'),
  });
  const loop = startIngestLoop(ingester, {
    onError: (error) =>
      log({ level: 50, err: String(error) }, 'storing spooled events failed; trying again'),
    onRecover: () => log({}, 'storing spooled events works again'),
  });
  log({ spoolDir: env.spoolDir }, 'spool ingester started');
  const ignore = (signal: string) => () => log({}, `${signal}: waiting for the workers to close`);
  process.on('SIGINT', ignore('SIGINT'));
  process.on('SIGTERM', ignore('SIGTERM'));
  process.on('message', (message) => {
    if (isSpoolOverCapMessage(message)) loop.setSpoolOverCap(message.over);
    if (message !== drainMessage) return;
    loop
      .drain()
      .then(async (stored) => {
        log({ stored }, 'spool stored');
        await store.close();
        process.exit(0);
      })
      .catch((error: unknown) => {
        log(
          { level: 50, err: String(error) },
          'storing the spool failed; it is kept for the next start',
        );
        process.exit(1);
      });
  });
  // After the message handler: the first report tells the primary this process hears it.
  reportStoredBytes(ingester);
}

/** How often the primary hears how much of the spool on disk is stored (its cap's backlog). */
const STORED_REPORT_MS = 200;

/** Tells the primary what is stored whenever it changed; between batches too, not only per pass. */
function reportStoredBytes(ingester: SpoolIngester): void {
  let reported = '';
  const report = () => {
    const segments = ingester.storedOnDisk();
    const text = JSON.stringify(segments);
    if (text === reported || !process.connected) return;
    reported = text;
    const message: SpoolStoredMessage = { type: 'spool-stored', segments };
    process.send?.(message);
  };
  report();
  setInterval(report, STORED_REPORT_MS).unref();
}
