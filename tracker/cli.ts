import cluster from 'node:cluster';
import { trackerEnv } from './env';
import { runPrimary } from './cluster';
import { buildTracker } from './server';
import { openStore } from './store/openStore';

/**
 * `npm run tracker`: the hosted tracker on TRACKER_HOST:TRACKER_PORT (127.0.0.1:8787), in
 * TRACKER_WORKERS processes (default: one per core) sharing the port.
 */
const env = trackerEnv();

if (env.workers > 1 && cluster.isPrimary) {
  runPrimary(env.workers, (line) => console.log(line));
} else {
  await runWorker();
}

async function runWorker() {
  // A serving tracker keeps SQLite's checkpoints (a copy and an fsync) out of its request thread.
  const store = await openStore({ ...env, backgroundCheckpoints: true });
  const app = buildTracker({
    store,
    publicUrl: env.publicUrl,
    trustProxy: env.trustProxy,
    supportContact: env.supportContact,
    logger: { level: 'info' },
    eventBuffer: { maxPending: env.maxBufferedEvents },
  });

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: storing buffered events and closing`);
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
