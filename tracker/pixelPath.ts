import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventFrom, type TrackerContext } from './context';
import { clientAddress, type TrustFunction } from './proxyTrust';
import type { TokenPayload } from './tokens';

/** The transparent 1×1 GIF (43 bytes), the same answer for every pixel request. */
export const PIXEL_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
  'base64',
);

export const PIXEL_HEADERS = {
  'content-type': 'image/gif',
  'cache-control': 'no-store, no-cache, must-revalidate, max-age=0',
  pragma: 'no-cache',
  expires: '0',
  'x-content-type-options': 'nosniff',
};

/**
 * The GIF's bytes as latin1 text: Node then sends the header and the body in one write (it joins
 * a latin1 string body to the header text) instead of a writev of two buffers per request.
 */
const PIXEL_GIF_TEXT = PIXEL_GIF.toString('latin1');

/** Built once: writeHead takes a flat list without copying or validating an object per request. */
const PIXEL_HEADER_LIST = [
  ...Object.entries(PIXEL_HEADERS).flat(),
  'content-length',
  String(PIXEL_GIF.length),
];

/**
 * The open pixel answered straight from Node's http server, before Fastify's routing, hooks and
 * reply objects: it is by far the most frequent request (every opened mail, Apple's proxy fetching
 * every mail) and its answer never varies. The token is checked against the cached key without a
 * promise; the event goes into this process's buffer (written in batches). Anything unusual (an
 * escaped or nested path, a key not cached yet, a closing server) takes the same route in Fastify
 * or the slower async check, with the same answer.
 */
export function createPixelPath(
  ctx: TrackerContext,
  trust: TrustFunction,
  trustsProxies: boolean,
  onError: (error: unknown) => void,
) {
  let closing = false;

  const record = (request: IncomingMessage, payload: TokenPayload | null) => {
    if (!payload || request.method !== 'GET') return;
    const socketAddress = request.socket.remoteAddress ?? '';
    ctx.events.push(
      eventFrom(
        ctx,
        {
          ip: trustsProxies
            ? clientAddress(socketAddress, request.headers['x-forwarded-for'], trust)
            : socketAddress,
          userAgent: request.headers['user-agent'],
        },
        payload,
        'open',
      ),
    );
  };

  const answer = (response: ServerResponse) => {
    response.writeHead(200, PIXEL_HEADER_LIST);
    response.end(PIXEL_GIF_TEXT, 'latin1');
  };

  /** Answers the request when it is a pixel; false leaves it to Fastify. */
  function handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url ?? '';
    // "/o/" by char codes: no string is made for the many requests that are something else.
    if (url.charCodeAt(0) !== 47 || url.charCodeAt(1) !== 111 || url.charCodeAt(2) !== 47)
      return false;
    if (closing || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const query = url.indexOf('?');
    const file = query < 0 ? url.slice(3) : url.slice(3, query);
    if (file === '' || file.includes('/') || file.includes('%')) return false;
    const token = file.endsWith('.gif') ? file.slice(0, -4) : file;
    try {
      const payload = ctx.keys.verifyCached(token, 'open');
      if (payload === undefined) {
        ctx.keys.verify(token, 'open').then(
          (checked) => {
            record(request, checked);
            answer(response);
          },
          (error: unknown) => {
            onError(error);
            answer(response);
          },
        );
        return true;
      }
      record(request, payload);
    } catch (error) {
      // The recipient's mail client must never see a difference; the failure is only logged.
      onError(error);
    }
    answer(response);
    return true;
  }

  return {
    handle,
    /** From now on Fastify answers (503 while closing), so no event arrives after the last flush. */
    close: () => {
      closing = true;
    },
  };
}
