import cluster from 'node:cluster';
import { trackerEnv } from './env';
import { DRAIN_MESSAGE, INGESTER_ROLE, ROLE_VARIABLE, runPrimary } from './cluster';
import { runIngester } from './spool/ingesterProcess';
import { isSpoolOverCapMessage } from './spool/spoolCapMessages';
import { buildTracker } from './server';
import { takeOverLegacySpool } from './spool/legacySpool';
import { lockSpoolDir } from './spool/spoolDirLock';
import { SpoolWriter } from './spool/spoolWriter';
import { openStore } from './store/openStore';

/**
 * `npm run tracker`: the hosted tracker on TRACKER_HOST:TRACKER_PORT (127.0.0.1:8787), in
 * TRACKER_WORKERS answering processes (default: one per core) sharing the port, plus one process
 * at a lower priority that stores the opens and clicks they spooled (TRACKER_SPOOL_DIR).
 */
const env = trackerEnv();

if (cluster.isPrimary) {
  // Taken before anything starts and held for the primary's life: the exit handler keeps it
  // referenced (a lock nothing refers to would be collected, and its file lock dropped with it).
  const spoolLock = lockSpoolDir(env.spoolDir);
  if (!spoolLock.ok) {
    console.error(`tracker not started: ${spoolLock.message}`);
    process.exit(1);
  }
  process.on('exit', () => spoolLock.release());
  if (env.legacySpoolDir) {
    // Before the ingester starts: what an older tracker left there is stored with this spool.
    const line = takeOverLegacySpool(env.legacySpoolDir, env.spoolDir);
    if (line) console.log(line);
  }
  runPrimary(env.workers, (line) => console.log(line), { dir: env.spoolDir, cap: env.spoolCap });
} else if (process.env[ROLE_VARIABLE] === INGESTER_ROLE) {
  await runIngester(env, DRAIN_MESSAGE);
} else {
  await runWorker();
}

async function runWorker() {
  // SQLite's checkpoints run in the ingester, which writes the events (spool/ingesterProcess).
  // Not yet fixed: over the spool's cap the workers write the events themselves, and this
  // connection keeps SQLite's automatic checkpoint, so the commit that takes the log past 1,000
  // pages copies it back in the request thread (a stall of some ms for the answers waiting behind
  // it). The ingester's checkpoint thread does not help then: it runs at the ingester's priority
  // 19, which is why the cap was reached. `backgroundCheckpoints` here would move it to a thread
  // of this worker, at the cost of one thread and connection per worker at all times; left until
  // a bench over the cap shows the stall is worth that.
  const store = await openStore(env);
  const spool = new SpoolWriter(env.spoolDir, {
    onError: (error, lostEvents) =>
      app.log.error({ err: error, lostEvents }, 'writing the event spool failed'),
  });
  process.on('message', (message) => {
    if (isSpoolOverCapMessage(message)) spool.overCap = message.over;
  });
  const app = buildTracker({
    store,
    publicUrl: env.publicUrl,
    trustProxy: env.trustProxy,
    supportContact: env.supportContact,
    logger: { level: 'info' },
    eventBuffer: { maxPending: env.maxBufferedEvents },
    spool,
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: writing the spool and buffered events, closing`);
    try {
      await app.close();
      await store.close();
      process.exit(0);
    } catch (error) {
      app.log.error(error, 'closing failed');
      process.exit(1);
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: env.host, port: env.port });
  app.log.info(`tracker on ${env.publicUrl} (${store.kind} store)`);
}
