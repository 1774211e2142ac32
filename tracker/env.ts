import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseTrustProxy } from './proxyTrust';
import { DEFAULT_SPOOL_MAX_MB, spoolCapOf } from './spool/spoolCap';

/** The tracker's settings from the environment (npm run tracker / tracker:admin). */
export function trackerEnv(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.TRACKER_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`TRACKER_PORT "${env.TRACKER_PORT}" is not a port`);
  const host = env.TRACKER_HOST ?? '127.0.0.1';
  const maxBufferedEvents =
    env.TRACKER_EVENT_BUFFER_MAX === undefined ? undefined : Number(env.TRACKER_EVENT_BUFFER_MAX);
  if (
    maxBufferedEvents !== undefined &&
    !(Number.isInteger(maxBufferedEvents) && maxBufferedEvents >= 1)
  )
    throw new Error(
      `TRACKER_EVENT_BUFFER_MAX "${env.TRACKER_EVENT_BUFFER_MAX}" is not a whole number of at least 1`,
    );
  const workers =
    env.TRACKER_WORKERS === undefined || env.TRACKER_WORKERS === ''
      ? availableParallelism()
      : Number(env.TRACKER_WORKERS);
  if (!(Number.isInteger(workers) && workers >= 1))
    throw new Error(`TRACKER_WORKERS "${env.TRACKER_WORKERS}" is not a whole number of at least 1`);
  const spoolMaxMb =
    env.TRACKER_SPOOL_MAX_MB === undefined || env.TRACKER_SPOOL_MAX_MB === ''
      ? DEFAULT_SPOOL_MAX_MB
      : Number(env.TRACKER_SPOOL_MAX_MB);
  if (!(Number.isFinite(spoolMaxMb) && spoolMaxMb > 0))
    throw new Error(`TRACKER_SPOOL_MAX_MB "${env.TRACKER_SPOOL_MAX_MB}" is not a positive number`);
  const sqlitePath = env.TRACKER_DB ?? join(process.cwd(), 'tracker.sqlite');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    /** Processes sharing the port (Node's cluster); default one per core. */
    workers,
    host,
    sqlitePath,
    databaseUrl,
    /**
     * Where the workers spool opens and clicks for the ingester: one folder per instance (an
     * ingester stores and deletes every closed segment it finds). With PostgreSQL, instances
     * started in one folder differ by port, so the default does too.
     */
    spoolDir:
      env.TRACKER_SPOOL_DIR ||
      (databaseUrl ? join(process.cwd(), `tracker-spool-${port}`) : `${sqlitePath}.spool`),
    /**
     * Where the PostgreSQL default spool folder was before it named the port: a tracker on the
     * default takes over what an older one left there (spool/legacySpool).
     */
    legacySpoolDir:
      databaseUrl && !env.TRACKER_SPOOL_DIR ? join(process.cwd(), 'tracker-spool') : undefined,
    /** Past this backlog of unstored spool the workers store opens and clicks themselves. */
    spoolCap: spoolCapOf(spoolMaxMb),
    publicUrl: env.TRACKER_PUBLIC_URL ?? `http://${host}:${port}`,
    /** Proxies in front: a hop count or their addresses (never the leftmost X-Forwarded-For). */
    trustProxy: parseTrustProxy(env.TRACKER_TRUST_PROXY),
    supportContact: env.TRACKER_SUPPORT_CONTACT || undefined,
    /** Opens and clicks held in memory while the store is down (default 50,000). */
    maxBufferedEvents,
  };
}
