import { namesLocalPath } from './desktopOnlyInput';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import type { App } from '../app';
import { ERROR_CODES, type Envelope } from '../contract';
import { isChannelName } from '../services/core/handlerTable';
import { MAX_IMAGE_BASE64_CHARS } from '../contract/images';
import { MAX_IMPORT_BYTES } from '../contract/plain/importLimits';
import { isCrossSiteFetch, isLoopbackHost } from './requestOrigin';
import { readBody } from './readBody';
import { applyTimeouts, DEFAULT_TIMEOUTS, type RequestTimeouts } from './timeouts';
import { serveStatic } from './static';
import { handleUpload, UPLOAD_PATH } from './uploadRoute';
import {
  cookieName,
  isAuthorized,
  isValidToken,
  sessionCookie,
  writeBrowserToken,
} from './browserAuth';

export interface StartServerOptions {
  app: App;
  port?: number;
  rendererDir: string;
  /** Largest request body; services apply their own, smaller limits with a clear message. */
  maxBodyBytes?: number;
  /** Extra GET routes (the mail preview) that later capabilities register; path prefix → handler. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>>;
  /** The access token; by default a fresh one, written to `<dataDir>/browser-token`. */
  token?: string;
  /** Slow-client limits (Slowloris); tests shorten them. */
  timeouts?: Partial<RequestTimeouts>;
}

export interface RunningServer {
  /** The origin (http://127.0.0.1:<port>), without the token. */
  url: string;
  /** The address to open: carries the token, which the page trades for its cookie. */
  openUrl: string;
  port: number;
  token: string;
  /** The session cookie a browser gets from openUrl (Playwright sets it directly). */
  cookie: { name: string; value: string };
  server: Server;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * The largest legal JSON call: an import of MAX_IMPORT_BYTES or an image of MAX_IMAGE_BASE64_CHARS
 * as base64, with its other fields. Anything larger is refused by its length before it is read;
 * the services' own limits (images: 20 MB) answer below it, with their own message.
 */
const DEFAULT_MAX_BODY_BYTES =
  Math.max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3), MAX_IMAGE_BASE64_CHARS) + 1024 * 1024;

/**
 * Browser mode: the renderer and the handler table over HTTP on loopback only.
 * Guards against other web pages: Host must be loopback on our port (DNS rebinding), POST must be
 * JSON (forces a CORS preflight, which we never grant), and a request that says it comes from
 * another site (Origin, Sec-Fetch-Site) gets no answer from /api or the preview frames.
 * Guards against other local processes and users: every /api call, the event stream, the mail
 * previews and the page itself need this start's token (HttpOnly cookie or Bearer header).
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const sseClients = new Set<ServerResponse>();
  const unsubscribe = options.app.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer(
    { connectionsCheckingInterval: timeouts.checkEveryMs },
    (req, res) => {
      handle(req, res).catch((error) => {
        options.app.context.logger.error('browser-mode request failed', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      });
    },
  );
  applyTimeouts(server, timeouts);

  let origin = '';
  let port = 0;
  const token = options.token ?? writeBrowserToken(options.app.context.dataDir);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // On every answer, refusals too: no page of ours passes an address (with a token) on.
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    if (!isLoopbackHost(req.headers.host, port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
      return;
    }
    const url = parseRequestUrl(req.url, origin);
    if (url === null) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    const authorized = isAuthorized(req, port, token);
    if (url.pathname.startsWith('/api/')) {
      if (!authorized) return sendJson(res, 401, UNAUTHORIZED);
      // Every call, the event stream and uploads alike: another site's page never gets an answer.
      if (isCrossSiteFetch(req, port)) return sendJson(res, 403, CROSS_SITE);
      if (url.pathname === '/api/events' && req.method === 'GET') {
        openEventStream(req, res);
        return;
      }
      if (url.pathname === UPLOAD_PATH)
        return handleUpload(req, res, options.app.context.dataDir, port);
      await handleApi(req, res, url.pathname.slice('/api/'.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.searchParams.has('token')) {
      tradeTokenForCookie(url, res);
      return;
    }
    for (const [prefix, route] of Object.entries(options.routes ?? {})) {
      if (url.pathname.startsWith(prefix)) {
        if (!authorized) return sendLoginHint(res);
        if (isCrossSiteFetch(req, port)) return sendJson(res, 403, CROSS_SITE);
        await route(req, res, url);
        return;
      }
    }
    // Scripts, styles and icons hold nothing of the shop; the page that uses them needs the token.
    if (!authorized && isPage(url.pathname)) return sendLoginHint(res);
    await serveStatic(options.rendererDir, url.pathname, res);
  }

  /** The printed link: set the cookie and reload without the token, so it leaves the address bar. */
  function tradeTokenForCookie(url: URL, res: ServerResponse): void {
    if (!isValidToken(url.searchParams.get('token'), token)) return sendLoginHint(res);
    url.searchParams.delete('token');
    // One leading slash only: `//host` in Location would leave this server.
    res.writeHead(303, {
      location: url.pathname.replace(/^\/+/, '/') + url.search,
      'set-cookie': sessionCookie(port, token),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end();
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    channel: string,
  ): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, failure('method_not_allowed', 'Use POST'));
    if (!isJson(req.headers['content-type'])) {
      return sendJson(res, 415, failure('unsupported_media_type', 'Send application/json'));
    }
    if (!isChannelName(channel)) {
      return sendJson(res, 404, failure(ERROR_CODES.unknownChannel, `Unknown channel: ${channel}`));
    }
    const body = await readBody(req, maxBody);
    if (body === 'too_large') {
      // The rest is not read: the connection closes after this answer.
      res.setHeader('connection', 'close');
      sendJson(res, 413, TOO_LARGE);
      res.once('finish', () => req.destroy());
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, failure(ERROR_CODES.invalidInput, 'The body is not valid JSON'));
    }
    if (namesLocalPath(input)) {
      return sendJson(
        res,
        400,
        failure(ERROR_CODES.invalidInput, 'A file path is for the desktop app; upload the file'),
      );
    }
    const envelope = await options.app.handlers[channel](input);
    const status = !envelope.ok && envelope.error.code === ERROR_CODES.invalidInput ? 400 : 200;
    sendJson(res, status, envelope);
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://${HOST}:${port}`;
  return {
    url: origin,
    openUrl: `${origin}/?token=${token}`,
    port,
    token,
    cookie: { name: cookieName(port), value: token },
    server,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets (a browser's spare connection) would hold close() for a minute.
      server.closeAllConnections();
      await closed;
    },
  };
}

const TOO_LARGE: Envelope<never> = {
  ok: false,
  error: { code: 'too_large', message: 'The request is too large', key: 'common:errors.tooLarge' },
};

const CROSS_SITE: Envelope<never> = {
  ok: false,
  error: { code: ERROR_CODES.forbidden, message: 'Cross-origin requests are refused' },
};

/** The app's page (any path without a file extension, or an .html file): it needs the token. */
function isPage(pathname: string): boolean {
  const extension = extname(pathname).toLowerCase();
  return extension === '' || extension === '.html' || extension === '.htm';
}

const UNAUTHORIZED: Envelope<never> = {
  ok: false,
  error: {
    code: 'unauthorized',
    message: 'Open Winkelpost through the link it showed at start',
    key: 'common:errors.unauthorized',
  },
};

/** Without the token: say where the right link is, in both languages, and nothing else. */
function sendLoginHint(res: ServerResponse): void {
  res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    'Open Winkelpost via de link die bij het starten werd getoond ' +
      '(het toegangsbestand staat in de gegevensmap: browser-token).\n' +
      'Open Winkelpost through the link shown at start ' +
      '(the access file is in the data folder: browser-token).\n',
  );
}

/** null for what no browser sends: a path that does not decode (`/%ZZ`) or is no path at all. */
function parseRequestUrl(raw: string | undefined, origin: string): URL | null {
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const url = new URL(raw, origin);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

function failure(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function isJson(contentType: string | undefined): boolean {
  return (
    contentType !== undefined &&
    contentType.split(';')[0]?.trim().toLowerCase() === 'application/json'
  );
}
