import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventFrom, type TrackerContext, type Visitor } from './context';
import { truncateIp } from './ip';
import { linkKey } from './links';
import { answerPixel } from './pixelPath';
import { clientAddress, type TrustFunction } from './proxyTrust';
import { spoolLine } from './spool/spoolLine';
import type { SpoolWriter } from './spool/spoolWriter';
import type { EventKind } from './store/types';
import { MAX_TOKEN_LENGTH, type TokenPayload } from './tokens';

const SLASH = 47;
const LETTER_O = 111;
const LETTER_C = 99;

const USER_AGENT = 'user-agent';

/**
 * The first User-Agent, as `request.headers['user-agent']` gives it, read from the raw list:
 * `request.headers` builds an object of every header on first use, for one value.
 */
function userAgentOf(rawHeaders: string[]): string | undefined {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === USER_AGENT.length && name.toLowerCase() === USER_AGENT)
      return rawHeaders[i + 1];
  }
  return undefined;
}

/** The same headers as the Fastify route's redirect, in the same order. */
function answerRedirect(response: ServerResponse, target: string): void {
  response.writeHead(302, ['location', target, 'cache-control', 'no-store', 'content-length', '0']);
  response.end();
}

/**
 * The open pixel and the click redirect answered straight from Node's http server, before
 * Fastify's routing, hooks and reply objects: they are by far the most frequent requests (every
 * opened mail, Apple's proxy fetching every mail, every click) and their answers are fixed or
 * cached. Only the common case is taken here: a plain path, a key already cached, and for a click
 * a link target already cached. Everything else (an escaped or nested path, a key or link not
 * cached yet, an invalid click token, a closing server) goes on to Fastify's routes, which check
 * the same token the same way and answer the same bytes (tested in publicRoutesSuite).
 * The one exception is the pixel with an uncached key: it waits for the key here, so that the
 * first open of a mailing does not cost a Fastify request.
 *
 * With a spool (`npm run tracker`), an open is not checked here at all: its raw line goes to the
 * spool and the answer leaves once the line is written; the ingester process checks and stores
 * it. A click is checked here (its target must be known before answering) and spooled the same way.
 * While the spool is over its cap (`spool.overCap`, a flag the primary's message sets: no file is
 * looked at per request) both take the path without a spool: checked here, buffered, stored by
 * this process; their answers then wait for the buffer's next write (`ctx.durableAnswers`), so
 * an answered event survives a killed worker there too.
 */
export function createFastPaths(
  ctx: TrackerContext,
  trust: TrustFunction,
  trustsProxies: boolean,
  onError: (error: unknown) => void,
  spool?: SpoolWriter,
) {
  let closing = false;

  const visitor = (request: IncomingMessage): Visitor => {
    const socketAddress = request.socket.remoteAddress ?? '';
    return {
      ip: trustsProxies
        ? clientAddress(socketAddress, request.headers['x-forwarded-for'], trust)
        : socketAddress,
      userAgent: userAgentOf(request.rawHeaders),
    };
  };

  /**
   * Buffers the event and sends the answer: at once, or with the spool once the buffer wrote it.
   * HEAD requests (link checkers) get the same answer but are not counted.
   */
  const recordAndAnswer = (
    request: IncomingMessage,
    response: ServerResponse,
    payload: TokenPayload,
    kind: EventKind,
    answer: (response: ServerResponse) => void,
  ) => {
    if (request.method !== 'GET') return answer(response);
    ctx.events.push(eventFrom(ctx, visitor(request), payload, kind));
    if (!ctx.durableAnswers) return answer(response);
    void ctx.events.written().then(() => answer(response));
  };

  /** The visit's spool line; the address truncated before it reaches the disk. */
  const line = (request: IncomingMessage, kind: 'open' | 'click', token: string) => {
    const { ip, userAgent } = visitor(request);
    return spoolLine(kind, ctx.clock.now(), truncateIp(ip), token, userAgent);
  };

  function pixel(request: IncomingMessage, response: ServerResponse, file: string): true {
    const token = file.endsWith('.gif') ? file.slice(0, -4) : file;
    if (spool && !spool.overCap) {
      // Only what could be a token reaches the spool (a dot, not too long); the ingester checks it.
      if (request.method === 'GET' && token.length <= MAX_TOKEN_LENGTH && token.indexOf('.') > 0)
        spool.append(line(request, 'open', token), response, answerPixel);
      else answerPixel(response);
      return true;
    }
    try {
      const payload = ctx.keys.verifyCached(token, 'open');
      if (payload === undefined) {
        ctx.keys.verify(token, 'open').then(
          (checked) => {
            if (checked) recordAndAnswer(request, response, checked, 'open', answerPixel);
            else answerPixel(response);
          },
          (error: unknown) => {
            onError(error);
            answerPixel(response);
          },
        );
        return true;
      }
      if (payload) {
        recordAndAnswer(request, response, payload, 'open', answerPixel);
        return true;
      }
    } catch (error) {
      // The recipient's mail client must never see a difference; the failure is only logged.
      onError(error);
    }
    answerPixel(response);
    return true;
  }

  function click(request: IncomingMessage, response: ServerResponse, token: string): boolean {
    const payload = ctx.keys.verifyCached(token, 'click');
    if (!payload || payload.link === undefined) return false;
    const target = ctx.links.peek(linkKey(payload.account, payload.mailing, payload.link));
    if (!target?.value) return false;
    const redirect = (answered: ServerResponse) => answerRedirect(answered, target.value!);
    if (spool && !spool.overCap && request.method === 'GET') {
      spool.append(line(request, 'click', token), response, redirect);
      return true;
    }
    recordAndAnswer(request, response, payload, 'click', redirect);
    return true;
  }

  /** Answers the request when it is a pixel or a click it can answer; false leaves it to Fastify. */
  function handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = request.url ?? '';
    // "/o/" or "/c/" by char codes: no string is made for the many requests that are something else.
    if (url.charCodeAt(0) !== SLASH || url.charCodeAt(2) !== SLASH) return false;
    const letter = url.charCodeAt(1);
    if (letter !== LETTER_O && letter !== LETTER_C) return false;
    if (closing || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const query = url.indexOf('?');
    const last = query < 0 ? url.slice(3) : url.slice(3, query);
    if (last === '' || last.includes('/') || last.includes('%')) return false;
    return letter === LETTER_O ? pixel(request, response, last) : click(request, response, last);
  }

  return {
    handle,
    /** From now on Fastify answers (503 while closing), so no event arrives after the last flush. */
    close: () => {
      closing = true;
    },
  };
}
