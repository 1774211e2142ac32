import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  commitInput,
  eventsQuery,
  linksInput,
  mailingIdSchema,
  MAX_WEB_VERSION_BYTES,
  orderInput,
  releaseInput,
  reserveInput,
  webVersionInput,
  type AssetOutput,
  type BundlesOutput,
  type CreditResultOutput,
  type EventsOutput,
  type LedgerOutput,
  type OrderOutput,
  type SuppressionsOutput,
} from '../api/schemas';
import { ASSET_MIME_TYPES, assetHash, isAcceptedImage, MAX_ASSET_BYTES } from '../assets';
import type { TrackerContext } from '../context';
import { HttpError, invalidInput } from '../errors';
import { mailingLinksPrefix, safeRedirectUrl } from '../links';
import type { CreditResult, Order } from '../store/types';
import { accountView, bearerAuth, hashToken } from './auth';
import { parseBody } from './validate';

const iso = (ms: number) => new Date(ms).toISOString();

const creditView = (result: CreditResult): CreditResultOutput => ({
  reservation: result.reservation,
  balance: result.balance.balance,
  reserved: result.balance.reserved,
  replayed: result.replayed,
});

const orderView = (order: Order): OrderOutput => ({
  id: order.id,
  bundleId: order.bundleId,
  credits: order.credits,
  status: order.status,
  note: order.note,
  createdAt: iso(order.createdAt),
});

/** The bearer-token API the desktop app uses (see tracker/README.md). */
export function registerApiRoutes(app: FastifyInstance, ctx: TrackerContext): void {
  app.addHook('onRequest', bearerAuth(ctx));
  app.addContentTypeParser(
    ASSET_MIME_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_ASSET_BYTES },
    (_r, body, done) => done(null, body),
  );

  app.delete('/session', async (request) => {
    const token = (request.headers.authorization ?? '').slice('Bearer '.length);
    await ctx.store.deleteSession(hashToken(token));
    return { ok: true };
  });

  app.get('/account', async (request) => accountView(ctx, request.accountId));
  app.get('/credits', async (request) => ctx.store.getBalance(request.accountId));

  app.get<{ Querystring: { limit?: string } }>(
    '/credits/ledger',
    async (request): Promise<LedgerOutput> => {
      const limit = Math.min(Math.max(Number(request.query.limit) || 100, 1), 1000);
      const entries = await ctx.store.ledger(request.accountId, limit);
      return { entries: entries.map((e) => ({ ...e, at: iso(e.at) })) };
    },
  );

  app.post('/credits/reserve', async (request) => {
    const input = parseBody(reserveInput, request.body);
    const now = ctx.clock.now();
    return creditView(
      await ctx.store.reserveCredits(request.accountId, input.reservationId, input.amount, now),
    );
  });

  app.post('/credits/commit', async (request) => {
    const input = parseBody(commitInput, request.body);
    return creditView(
      await ctx.store.commitCredits(
        request.accountId,
        input.reservationId,
        input.amount,
        input.idempotencyKey,
        ctx.clock.now(),
      ),
    );
  });

  app.post('/credits/release', async (request) => {
    const input = parseBody(releaseInput, request.body);
    return creditView(
      await ctx.store.releaseCredits(request.accountId, input.reservationId, ctx.clock.now()),
    );
  });

  app.get('/bundles', async (): Promise<BundlesOutput> => {
    const bundles = await ctx.store.listBundles();
    return {
      bundles: bundles
        .filter((b) => b.active)
        .map(({ id, name, credits, priceCents }) => ({ id, name, credits, priceCents })),
    };
  });

  app.post('/orders', async (request, reply): Promise<OrderOutput> => {
    const input = parseBody(orderInput, request.body);
    const order = await ctx.store.createOrder({
      id: `ord_${randomUUID()}`,
      account: request.accountId,
      bundleId: input.bundleId,
      idempotencyKey: input.idempotencyKey,
      note: input.note ?? null,
      now: ctx.clock.now(),
    });
    reply.code(201);
    return orderView(order);
  });

  app.get('/orders', async (request) => ({
    orders: (await ctx.store.listOrders(request.accountId)).map(orderView),
  }));

  // A link table with long tracking parameters can outgrow the default 64 KB.
  app.put<{ Params: { mailing: string } }>(
    '/mailings/:mailing/links',
    { bodyLimit: 2 * 1024 * 1024 },
    async (request) => {
      const mailing = parseBody(mailingIdSchema, request.params.mailing);
      const { links } = parseBody(linksInput, request.body);
      const refused = links.filter((link) => safeRedirectUrl(link.url) === null);
      if (refused.length > 0) {
        throw invalidInput(
          `Only http(s) links to a public host name can be tracked; refused link id(s) ${refused.map((l) => l.id).join(', ')}`,
          refused.map((l) => ({
            path: `links.${l.id}`,
            message: 'not an http(s) URL with a public host name',
          })),
        );
      }
      const ids = new Set(links.map((l) => l.id));
      if (ids.size !== links.length) throw invalidInput('Link ids must be unique within a mailing');
      await ctx.store.putLinks(request.accountId, mailing, links);
      const cached = mailingLinksPrefix(request.accountId, mailing);
      ctx.links.deleteWhere((key) => key.startsWith(cached));
      return { ok: true, count: links.length };
    },
  );

  app.put<{ Params: { mailing: string } }>(
    '/mailings/:mailing/web-version',
    // JSON escaping can grow HTML a lot; the schema limits the HTML itself.
    { bodyLimit: MAX_WEB_VERSION_BYTES * 3 },
    async (request) => {
      const mailing = parseBody(mailingIdSchema, request.params.mailing);
      const { html } = parseBody(webVersionInput, request.body);
      await ctx.store.putWebVersion(request.accountId, mailing, html, ctx.clock.now());
      return { ok: true };
    },
  );

  app.put('/assets', { bodyLimit: MAX_ASSET_BYTES }, async (request): Promise<AssetOutput> => {
    const mime = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0 || !isAcceptedImage(mime, bytes)) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        `Not a ${ASSET_MIME_TYPES.join(', ')} image`,
      );
    }
    const hash = assetHash(bytes);
    await ctx.store.putAsset({ hash, mime, bytes }, request.accountId, ctx.clock.now());
    return { hash, url: `${ctx.publicUrl}/a/${hash}`, mime, size: bytes.length };
  });

  app.get('/events', async (request): Promise<EventsOutput> => {
    const query = parseBody(eventsQuery, request.query);
    // Whatever arrived until now is stored first, so a pull right after a click sees it.
    await ctx.events.flush();
    const page = await ctx.store.eventsAfter(request.accountId, query.after ?? null, query.limit);
    return {
      events: page.events.map((e) => ({
        id: e.id,
        kind: e.kind,
        mailing: e.mailing,
        recipient: e.recipient,
        link: e.link,
        machine: e.machine !== null,
        machineReason: e.machine,
        at: iso(e.at),
      })),
      nextCursor: page.nextCursor,
    };
  });

  app.get('/suppressions', async (request): Promise<SuppressionsOutput> => {
    const rows = await ctx.store.listSuppressions(request.accountId);
    return { suppressions: rows.map((s) => ({ ...s, at: iso(s.at) })) };
  });
}
