import type { z } from 'zod';
import {
  accountOutput,
  assetOutput,
  balanceOutput,
  bundlesOutput,
  creditResultOutput,
  errorOutput,
  eventsOutput,
  ledgerOutput,
  loginOutput,
  orderOutput,
  ordersOutput,
  suppressionsOutput,
  type AccountOutput,
  type AssetOutput,
  type BalanceOutput,
  type BundlesOutput,
  type CreditResultOutput,
  type EventsOutput,
  type LedgerOutput,
  type LinksInput,
  type LoginOutput,
  type OrderOutput,
  type SuppressionsOutput,
} from './api/schemas';

/**
 * The desktop app's typed client for the tracker API (fetch, so it runs under plain Node and in
 * Electron's main process). Every failure is a TrackerError with a code the app can switch on.
 */
export type TrackerErrorCode =
  | 'wrong_password'
  | 'locked'
  | 'rate_limited'
  | 'unauthorized'
  | 'insufficient_credits'
  | 'conflict'
  | 'not_found'
  | 'invalid_input'
  | 'too_large'
  | 'unsupported_media_type'
  | 'network'
  | 'bad_response'
  | 'internal';

export class TrackerError extends Error {
  constructor(
    readonly code: TrackerErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly details: {
      /** Seconds to wait (locked, rate_limited). */
      retryAfter?: number;
      messageNl?: string;
      issues?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'TrackerError';
  }

  get retryAfter(): number | undefined {
    return this.details.retryAfter;
  }
}

const KNOWN_CODES = new Set<string>([
  'wrong_password',
  'locked',
  'rate_limited',
  'unauthorized',
  'insufficient_credits',
  'conflict',
  'not_found',
  'invalid_input',
  'too_large',
  'unsupported_media_type',
  'internal',
]);

export interface TrackerClientOptions {
  baseUrl: string;
  token?: string;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class TrackerClient {
  private readonly baseUrl: string;
  private token: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: TrackerClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get sessionToken(): string | undefined {
    return this.token;
  }

  /** Logs in and keeps the token for the next calls. Hands over the current signing key and kid. */
  async login(userName: string, password: string): Promise<LoginOutput> {
    const result = await this.request(loginOutput, 'POST', '/api/login', {
      json: { userName, password },
    });
    this.token = result.token;
    return result;
  }

  async logout(): Promise<void> {
    if (!this.token) return;
    await this.request(null, 'DELETE', '/api/session');
    this.token = undefined;
  }

  account(): Promise<AccountOutput> {
    return this.request(accountOutput, 'GET', '/api/account');
  }

  balance(): Promise<BalanceOutput> {
    return this.request(balanceOutput, 'GET', '/api/credits');
  }

  ledger(limit = 100): Promise<LedgerOutput> {
    return this.request(ledgerOutput, 'GET', `/api/credits/ledger?limit=${limit}`);
  }

  /** Reserves credits; retrying with the same reservationId never reserves twice. */
  reserve(reservationId: string, amount: number): Promise<CreditResultOutput> {
    return this.request(creditResultOutput, 'POST', '/api/credits/reserve', {
      json: { reservationId, amount },
    });
  }

  /** Commits part of a reservation; retrying with the same idempotencyKey never commits twice. */
  commit(
    reservationId: string,
    amount: number,
    idempotencyKey: string,
  ): Promise<CreditResultOutput> {
    return this.request(creditResultOutput, 'POST', '/api/credits/commit', {
      json: { reservationId, amount, idempotencyKey },
    });
  }

  /** Returns what is left of a reservation to the balance and closes it (idempotent). */
  release(reservationId: string): Promise<CreditResultOutput> {
    return this.request(creditResultOutput, 'POST', '/api/credits/release', {
      json: { reservationId },
    });
  }

  bundles(): Promise<BundlesOutput> {
    return this.request(bundlesOutput, 'GET', '/api/bundles');
  }

  /** Asks the reseller for a bundle; the same idempotencyKey orders once. */
  orderBundle(bundleId: string, idempotencyKey: string, note?: string): Promise<OrderOutput> {
    return this.request(orderOutput, 'POST', '/api/orders', {
      json: { bundleId, idempotencyKey, note },
    });
  }

  orders(): Promise<z.infer<typeof ordersOutput>> {
    return this.request(ordersOutput, 'GET', '/api/orders');
  }

  async registerLinks(mailingId: string, links: LinksInput['links']): Promise<void> {
    await this.request(null, 'PUT', `/api/mailings/${encodeURIComponent(mailingId)}/links`, {
      json: { links },
    });
  }

  async putWebVersion(mailingId: string, html: string): Promise<void> {
    await this.request(null, 'PUT', `/api/mailings/${encodeURIComponent(mailingId)}/web-version`, {
      json: { html },
    });
  }

  uploadAsset(bytes: Uint8Array, mime: string): Promise<AssetOutput> {
    return this.request(assetOutput, 'PUT', '/api/assets', { body: bytes, contentType: mime });
  }

  /** One page of events after the cursor (null: from the start). Store them, then keep nextCursor. */
  eventsAfter(cursor: string | null, limit = 1000): Promise<EventsOutput> {
    const after = cursor === null ? '' : `&after=${encodeURIComponent(cursor)}`;
    return this.request(eventsOutput, 'GET', `/api/events?limit=${limit}${after}`);
  }

  suppressions(): Promise<SuppressionsOutput> {
    return this.request(suppressionsOutput, 'GET', '/api/suppressions');
  }

  private async request<S extends z.ZodType>(
    schema: S | null,
    method: string,
    path: string,
    body: { json?: unknown; body?: Uint8Array; contentType?: string } = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | Uint8Array | undefined;
    if (body.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body.body) {
      headers['content-type'] = body.contentType ?? 'application/octet-stream';
      payload = body.body;
    }
    const send = () =>
      this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: payload as BodyInit | undefined,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    let response: Response;
    try {
      response = await send().catch((error: unknown) => {
        // A kept-alive connection the tracker closed just as it was reused fails at once ("fetch
        // failed", other side closed); a read asks once more on a fresh one. Writes are not
        // repeated here: their callers retry with their own idempotency keys.
        if (method !== 'GET' || isTimeout(error)) throw error;
        return send();
      });
    } catch (error) {
      throw new TrackerError('network', `Tracker not reachable: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = await response.json();
    } catch {
      data = undefined;
    }
    if (!response.ok) throw errorFrom(response, data);
    if (!schema) return undefined as z.infer<S>;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new TrackerError(
        'bad_response',
        `Unexpected answer from the tracker for ${method} ${path}`,
        response.status,
      );
    }
    return parsed.data;
  }
}

function errorFrom(response: Response, data: unknown): TrackerError {
  const parsed = errorOutput.safeParse(data);
  const retryHeader = Number(response.headers.get('retry-after'));
  if (!parsed.success) {
    const code =
      response.status === 401
        ? 'unauthorized'
        : response.status >= 500
          ? 'internal'
          : 'bad_response';
    return new TrackerError(code, `Tracker answered HTTP ${response.status}`, response.status);
  }
  const { code, message, messageNl, retryAfter, issues } = parsed.data.error;
  return new TrackerError(
    KNOWN_CODES.has(code) ? (code as TrackerErrorCode) : 'bad_response',
    message,
    response.status,
    {
      messageNl,
      issues,
      retryAfter:
        retryAfter ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
    },
  );
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
