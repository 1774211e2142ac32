import { createServer } from 'node:http';
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { DEFAULT_MACHINE_WINDOW_MS } from './classify';
import { systemClock, type Clock } from './clock';
import type { TrackerContext } from './context';
import { HttpError } from './errors';
import { EventBuffer, type EventBufferOptions } from './eventBuffer';
import { createFastPaths } from './fastPaths';
import { KeyRing } from './keyRing';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './loginThrottle';
import { PAGE_HEADERS } from './pages/html';
import { pickLanguage } from './pages/language';
import { messagePage } from './pages/pages';
import type { PasswordVerifier } from './loginDecision';
import { DEFAULT_SCRYPT, verifyPassword, type ScryptParams } from './password';
import { startRetentionJob, type RetentionJob } from './retention';
import type { SpoolWriter } from './spool/spoolWriter';
import { trustFunction, type TrustProxy } from './proxyTrust';
import { registerApiRoutes } from './routes/api';
import { registerLoginRoute } from './routes/auth';
import { registerPagesRoutes } from './routes/pages';
import type { PostLimitPolicy } from './routes/postLimit';
import { registerPublicRoutes, sendNotFoundPage } from './routes/public';
import { isStoreError, type TrackerStore } from './store/types';
import { TtlCache } from './ttlCache';

export interface TrackerOptions {
  store: TrackerStore;
  /** Base URL recipients reach the tracker on (used in asset URLs), e.g. https://t.example.nl */
  publicUrl: string;
  clock?: Clock;
  /** Fastify logger: false (default) or pino options (a stream lets tests read the log). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Behind reverse proxies: their number or addresses, so request.ip is the client's. */
  trustProxy?: TrustProxy;
  machineWindowMs?: number;
  loginPolicy?: Partial<LoginPolicy>;
  sessionTtlMs?: number;
  supportContact?: string;
  scrypt?: ScryptParams;
  /** The password check; tests wrap the real one to see that every login path hashes once. */
  verifyPassword?: PasswordVerifier;
  eventBuffer?: EventBufferOptions;
  /**
   * Opens and clicks of the fast paths go to this spool and are stored by a SpoolIngester in
   * another process (npm run tracker); without it they are checked and buffered here.
   */
  spool?: SpoolWriter;
  /** Unsubscribe and confirm posts one network may make per window (routes/postLimit.ts). */
  unsubscribeLimit?: PostLimitPolicy;
  /** Retention job settings, or false to not start its timer (tests call retention.runOnce()). */
  retention?: { intervalMs?: number; months?: number } | false;
}

export type TrackerServer = FastifyInstance & {
  tracker: {
    /** Writes buffered opens and clicks now. */
    flushEvents(): Promise<void>;
    /** Opens and clicks dropped because the event buffer was full, since start. */
    droppedEvents(): number;
    retention: RetentionJob;
    /** Forget cached signing keys of an account (after rotating a key in this process). */
    forgetKeys(account: string): void;
  };
};

const API_PREFIX = '/api';
const DEFAULT_BODY_LIMIT = 64 * 1024;

export function buildTracker(options: TrackerOptions): TrackerServer {
  const clock = options.clock ?? systemClock;
  const trust = trustFunction(options.trustProxy ?? false);
  // Filled in once the context exists; requests only arrive after listen().
  const fast: { paths?: ReturnType<typeof createFastPaths> } = {};
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((request, response) => {
        if (!fast.paths?.handle(request, response)) handler(request, response);
      }),
    logger: options.logger ?? false,
    // Request lines would log full client IPs; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Tokens are long path parameters (the token module caps them at 2048 characters).
    routerOptions: { maxParamLength: 4096 },
    trustProxy: trust,
    bodyLimit: DEFAULT_BODY_LIMIT,
    return503OnClosing: true,
  });
  const loginPolicy = { ...DEFAULT_LOGIN_POLICY, ...options.loginPolicy };
  const events = new EventBuffer(options.store, {
    // Once per outage, not once per retry: the buffer backs off and says when the store is back.
    onError: (error) =>
      app.log.error(error, 'storing tracking events failed; retrying with back-off'),
    onRecover: ({ refusedWrites, downMs }) =>
      app.log.info(
        { refusedWrites, downMs: Math.round(downMs), heldEvents: events.size },
        'storing tracking events works again',
      ),
    onDrop: (dropped) => {
      // The first drop and then every thousandth, so a long outage does not flood the log.
      if (dropped === 1 || dropped % 1000 === 0)
        app.log.warn(
          { droppedEvents: dropped, heldEvents: events.size },
          'tracking event buffer is full (store unavailable?): opens and clicks are being dropped',
        );
    },
    ...options.eventBuffer,
  });
  const ctx: TrackerContext = {
    store: options.store,
    clock,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    keys: new KeyRing(options.store),
    events,
    durableAnswers: options.spool !== undefined,
    links: new TtlCache<string | null>(60_000, 50_000, Date.now, 10_000),
    machineWindowMs: options.machineWindowMs ?? DEFAULT_MACHINE_WINDOW_MS,
    loginPolicy,
    sessionTtlMs: options.sessionTtlMs ?? 180 * 24 * 60 * 60_000,
    supportContact: options.supportContact,
    scrypt: options.scrypt ?? DEFAULT_SCRYPT,
    verifyPassword: options.verifyPassword ?? verifyPassword,
  };

  fast.paths = createFastPaths(
    ctx,
    trust,
    options.trustProxy !== undefined && options.trustProxy !== false,
    (error) => app.log.error(error, 'open pixel lookup failed'),
    options.spool,
  );

  const retention = startRetentionJob({
    store: options.store,
    clock,
    ...(options.retention === false ? { intervalMs: 0 } : options.retention),
    onError: (error) => app.log.error(error, 'retention job failed'),
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    isApi(request)
      ? reply.code(404).send({ error: { code: 'not_found', message: 'No such API route' } })
      : sendNotFoundPage(request, reply),
  );

  app.register(async (scope) => registerPublicRoutes(scope, ctx));
  app.register(async (scope) => registerPagesRoutes(scope, ctx, options.unsubscribeLimit));
  app.register(async (scope) => registerLoginRoute(scope, ctx), { prefix: API_PREFIX });
  app.register(async (scope) => registerApiRoutes(scope, ctx), { prefix: API_PREFIX });

  app.addHook('preClose', async () => fast.paths?.close());
  app.addHook('onClose', async () => {
    retention.stop();
    // Answers still waiting for their spool line go out now; the segment is closed for the ingester.
    options.spool?.close();
    await events.close();
  });

  return Object.assign(app, {
    tracker: {
      flushEvents: () => events.flush(),
      droppedEvents: () => events.dropped,
      retention,
      forgetKeys: (account: string) => ctx.keys.forget(account),
    },
  });
}

const isApi = (request: FastifyRequest) => request.url.startsWith(`${API_PREFIX}/`);

const STORE_STATUS = { insufficient_credits: 402, conflict: 409, not_found: 404 } as const;

/** Maps every failure to a status and a body the caller understands: JSON for the API, a page otherwise. */
function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  let failure: HttpError;
  if (error instanceof HttpError) {
    failure = error;
  } else if (isStoreError(error)) {
    failure = new HttpError(STORE_STATUS[error.code], error.code, error.message);
  } else {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      failure = new HttpError(413, 'too_large', 'The request body is too large', {
        messageNl: 'Het verzoek is te groot',
      });
    } else if (status === 415) {
      failure = new HttpError(
        415,
        'unsupported_media_type',
        'This content type is not accepted here',
      );
    } else if (status >= 400 && status < 500) {
      failure = new HttpError(status, 'invalid_input', (error as Error).message ?? 'Bad request');
    } else {
      request.log.error(error, 'unexpected tracker error');
      failure = new HttpError(500, 'internal', 'Something went wrong on the tracker', {
        messageNl: 'Er ging iets mis bij de tracker',
      });
    }
  }
  if (failure.extra.retryAfter !== undefined)
    reply.header('retry-after', String(failure.extra.retryAfter));
  reply.code(failure.status);
  if (isApi(request)) {
    return reply.send({
      error: { code: failure.code, message: failure.message, ...failure.extra },
    });
  }
  const lang = pickLanguage(request.headers['accept-language']);
  return reply
    .headers(PAGE_HEADERS)
    .send(messagePage(lang, failure.status === 404 ? 'notFound' : 'error'));
}
