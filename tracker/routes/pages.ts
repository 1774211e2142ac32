import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eventFromRequest, type TrackerContext } from '../context';
import { PAGE_HEADERS } from '../pages/html';
import { pickLanguage } from '../pages/language';
import { truncateIp } from '../ip';
import {
  confirmedPage,
  confirmPage,
  messagePage,
  unsubscribedPage,
  unsubscribePage,
} from '../pages/pages';
import { isOneClickBody } from './oneClickBody';
import { DEFAULT_POST_LIMIT, PostLimiter, type PostLimitPolicy } from './postLimit';
import { sendNotFoundPage } from './public';

/** Small: an RFC 8058 body is "List-Unsubscribe=One-Click"; anything much larger is refused (413). */
const MAX_FORM_BYTES = 4096;

/**
 * Unsubscribe (GET page with one button; POST = RFC 8058 one-click and the page's own form) and
 * the re-subscription confirmation (GET page with one button; only its POST confirms). No cookies,
 * no redirects; a replayed POST changes nothing.
 */
export function registerPagesRoutes(
  app: FastifyInstance,
  ctx: TrackerContext,
  postLimit: PostLimitPolicy = DEFAULT_POST_LIMIT,
): void {
  const limiter = new PostLimiter(postLimit);
  /** Every post (valid token or not) counts against its network; over the limit: 429 and a page. */
  function refusedAsFlood(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
    const wait = limiter.take(truncateIp(request.ip) ?? 'unknown', ctx.clock.now());
    if (wait === 0) return null;
    return reply
      .code(429)
      .headers({ ...PAGE_HEADERS, 'retry-after': String(wait) })
      .send(messagePage(pickLanguage(request.headers['accept-language']), 'tooMany'));
  }

  // One-click senders post urlencoded or multipart bodies; the token alone decides, so any body
  // up to the limit is accepted as text and not interpreted.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'string', bodyLimit: MAX_FORM_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get<{ Params: { token: string } }>('/u/:token', async (request, reply) => {
    const payload = await ctx.keys.verify(request.params.token, 'unsubscribe');
    const account = payload && (await ctx.store.getAccount(payload.account));
    if (!account) return sendNotFoundPage(request, reply);
    const lang = pickLanguage(request.headers['accept-language']);
    return reply.headers(PAGE_HEADERS).send(unsubscribePage(lang, account.shopName));
  });

  app.post<{ Params: { token: string } }>(
    '/u/:token',
    { bodyLimit: MAX_FORM_BYTES },
    async (request, reply) => {
      const flood = refusedAsFlood(request, reply);
      if (flood) return flood;
      const payload = await ctx.keys.verify(request.params.token, 'unsubscribe');
      const account = payload && (await ctx.store.getAccount(payload.account));
      if (!payload || !account) return sendNotFoundPage(request, reply);
      const lang = pickLanguage(request.headers['accept-language']);
      if (!isOneClickBody(request.headers['content-type'], request.body)) {
        // Not the button's nor a mail program's post: nothing changes, the question stays.
        return reply.code(400).headers(PAGE_HEADERS).send(unsubscribePage(lang, account.shopName));
      }
      // Written at once (not batched): the answer promises the recipient is unsubscribed.
      await ctx.store.unsubscribe(eventFromRequest(ctx, request, payload, 'unsubscribe', false));
      return reply.headers(PAGE_HEADERS).send(unsubscribedPage(lang, account.shopName));
    },
  );

  // GET (and HEAD) only show the question or the state: a link scanner or preview fetching the
  // link must never re-subscribe anyone. The page's button POSTs to the same URL.
  app.get<{ Params: { token: string } }>('/confirm/:token', async (request, reply) => {
    const payload = await ctx.keys.verify(request.params.token, 'confirm');
    const account = payload && (await ctx.store.getAccount(payload.account));
    if (!payload || !account) return sendNotFoundPage(request, reply);
    const lang = pickLanguage(request.headers['accept-language']);
    const already = await ctx.store.isConfirmed(payload.account, payload.recipient);
    return reply
      .headers(PAGE_HEADERS)
      .send(
        already ? confirmedPage(lang, account.shopName, true) : confirmPage(lang, account.shopName),
      );
  });

  app.post<{ Params: { token: string } }>(
    '/confirm/:token',
    { bodyLimit: MAX_FORM_BYTES },
    async (request, reply) => {
      const flood = refusedAsFlood(request, reply);
      if (flood) return flood;
      const payload = await ctx.keys.verify(request.params.token, 'confirm');
      const account = payload && (await ctx.store.getAccount(payload.account));
      if (!payload || !account) return sendNotFoundPage(request, reply);
      // Pressing the button is the consent; written before the page says so.
      const added = await ctx.store.confirm(
        eventFromRequest(ctx, request, payload, 'confirm', false),
      );
      const lang = pickLanguage(request.headers['accept-language']);
      return reply.headers(PAGE_HEADERS).send(confirmedPage(lang, account.shopName, !added));
    },
  );
}
