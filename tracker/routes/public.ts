import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ASSET_HASH_PATTERN } from '../assets';
import { eventFromRequest, type TrackerContext } from '../context';
import { linkKey, safeRedirectUrl } from '../links';
import { pickLanguage } from '../pages/language';
import { PAGE_HEADERS } from '../pages/html';
import { PIXEL_GIF, PIXEL_HEADERS } from '../pixelPath';
import { messagePage } from '../pages/pages';

export { PIXEL_GIF } from '../pixelPath';

/** The web version is the shop's own mail HTML: inline styles and images yes, scripts never. */
const WEB_VERSION_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline' https:; font-src https: data:; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const ASSET_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'",
};

export function sendNotFoundPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply
    .code(404)
    .headers(PAGE_HEADERS)
    .send(messagePage(pickLanguage(request.headers['accept-language']), 'notFound'));
}

/** HEAD requests (link checkers) get the same answer but are not counted as opens or clicks. */
const counts = (request: FastifyRequest) => request.method === 'GET';

export function registerPublicRoutes(app: FastifyInstance, ctx: TrackerContext): void {
  // Normally answered by tracker/fastPaths.ts before Fastify; this route takes what it leaves.
  app.get<{ Params: { file: string } }>('/o/:file', async (request, reply) => {
    const file = request.params.file;
    const token = file.endsWith('.gif') ? file.slice(0, -4) : file;
    try {
      const payload = await ctx.keys.verify(token, 'open');
      if (payload && counts(request)) {
        ctx.events.push(eventFromRequest(ctx, request, payload, 'open'));
        if (ctx.durableAnswers) await ctx.events.written();
      }
    } catch (error) {
      // The recipient's mail client must never see a difference; the failure is only logged.
      request.log.error(error, 'open pixel lookup failed');
    }
    return reply.headers(PIXEL_HEADERS).send(PIXEL_GIF);
  });

  // Also answered by tracker/fastPaths.ts once the key and the link target are cached.
  app.get<{ Params: { token: string } }>('/c/:token', async (request, reply) => {
    const payload = await ctx.keys.verify(request.params.token, 'click');
    if (!payload || payload.link === undefined) return sendNotFoundPage(request, reply);
    const { account, mailing, link } = payload;
    const target = await ctx.links.get(linkKey(account, mailing, link), async () => {
      const registered = await ctx.store.getLinkUrl(account, mailing, link);
      // Checked again here: a link stored by an older version must still never be javascript:.
      return registered === null ? null : safeRedirectUrl(registered);
    });
    if (!target) return sendNotFoundPage(request, reply);
    if (counts(request)) {
      ctx.events.push(eventFromRequest(ctx, request, payload, 'click'));
      if (ctx.durableAnswers) await ctx.events.written();
    }
    return reply.code(302).headers({ location: target, 'cache-control': 'no-store' }).send();
  });

  app.get<{ Params: { token: string } }>('/w/:token', async (request, reply) => {
    const payload = await ctx.keys.verify(request.params.token, 'web');
    const page = payload && (await ctx.store.getWebVersion(payload.account, payload.mailing));
    if (!page) return sendNotFoundPage(request, reply);
    return reply.headers(WEB_VERSION_HEADERS).send(page);
  });

  app.get<{ Params: { hash: string } }>('/a/:hash', async (request, reply) => {
    const hash = request.params.hash;
    if (!ASSET_HASH_PATTERN.test(hash)) return sendNotFoundPage(request, reply);
    const etag = `"${hash}"`;
    if (request.headers['if-none-match'] === etag)
      return reply.code(304).headers(ASSET_HEADERS).send();
    const asset = await ctx.store.getAsset(hash);
    if (!asset) return sendNotFoundPage(request, reply);
    return reply.headers({ ...ASSET_HEADERS, 'content-type': asset.mime, etag }).send(asset.bytes);
  });
}
