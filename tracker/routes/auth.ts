import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginInput, type AccountOutput, type LoginOutput } from '../api/schemas';
import type { TrackerContext } from '../context';
import { HttpError } from '../errors';
import { truncateIp } from '../ip';
import { decideLogin, dummyPasswordHash } from '../loginDecision';
import { HashQueue } from '../hashQueue';
import { lockedMessages, lockUntil, windowWait } from '../loginThrottle';
import { parseBody } from './validate';

/**
 * Login and the bearer-token check. The token is random; only its SHA-256 is stored. Every login
 * that reaches the hash (unknown user name, locked account, wrong password) costs the same one;
 * the limits before it (per network, whole tracker, hash queue) are in tracker/loginThrottle.ts.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

declare module 'fastify' {
  interface FastifyRequest {
    accountId: string;
  }
}

export async function accountView(ctx: TrackerContext, accountId: string): Promise<AccountOutput> {
  const [account, key, balance] = await Promise.all([
    ctx.store.getAccount(accountId),
    ctx.store.currentKey(accountId),
    ctx.store.getBalance(accountId),
  ]);
  if (!account || !key) throw new HttpError(401, 'unauthorized', 'Account no longer exists');
  return {
    account: account.id,
    userName: account.userName,
    shopName: account.shopName,
    kid: key.kid,
    signingKey: key.key.toString('base64'),
    balance: balance.balance,
    reserved: balance.reserved,
  };
}

function lockedError(ctx: TrackerContext, lockedUntil: number): HttpError {
  const seconds = Math.max(1, Math.ceil((lockedUntil - ctx.clock.now()) / 1000));
  const messages = lockedMessages(seconds, ctx.supportContact);
  return new HttpError(429, 'locked', messages.en, { messageNl: messages.nl, retryAfter: seconds });
}

const wrongPassword = () =>
  new HttpError(401, 'wrong_password', 'User name or password is incorrect', {
    messageNl: 'Gebruikersnaam of wachtwoord klopt niet',
  });

const busy = (retryAfter: number) =>
  new HttpError(
    503,
    'rate_limited',
    `The tracker is busy with logins; try again in ${retryAfter} s`,
    {
      messageNl:
        'De tracker is even druk met inloggen. Probeer het over een paar seconden opnieuw.',
      retryAfter,
    },
  );

export function registerLoginRoute(app: FastifyInstance, ctx: TrackerContext): void {
  const dummyHash = dummyPasswordHash(ctx.scrypt);
  const policy = ctx.loginPolicy;
  const hashes = new HashQueue(policy.hashConcurrency, policy.hashQueueLength);

  app.post('/login', async (request): Promise<LoginOutput> => {
    const network = truncateIp(request.ip) ?? 'unknown';
    const now = ctx.clock.now();
    const fromNetwork = await ctx.store.countLoginAttempt(`net:${network}`, now, policy.ipWindowMs);
    const wait = windowWait(fromNetwork, policy.ipAttempts, policy.ipWindowMs, now);
    if (wait > 0) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many login attempts from this network; wait ${wait} s`,
        {
          messageNl: `Te veel inlogpogingen vanaf dit netwerk. Wacht even en probeer het opnieuw.`,
          retryAfter: wait,
        },
      );
    }
    // Only attempts a network was allowed count against the tracker's budget.
    const overall = await ctx.store.countLoginAttempt('global', now, policy.globalWindowMs);
    const globalWait = windowWait(overall, policy.globalAttempts, policy.globalWindowMs, now);
    if (globalWait > 0) throw busy(globalWait);

    const input = parseBody(loginInput, request.body);
    const login = await ctx.store.getLogin(input.userName);
    const lock = login ? await ctx.store.loginLock(login.id, network) : null;
    const hashed = await hashes.run(() =>
      decideLogin({
        login,
        lockedUntil: lock?.lockedUntil ?? 0,
        password: input.password,
        now: ctx.clock.now(),
        dummyHash,
        verify: ctx.verifyPassword,
      }),
    );
    if (!hashed) throw busy(hashes.retryAfterSeconds());
    const decision = hashed.value;
    if (decision.kind === 'unknown') throw wrongPassword();
    if (decision.kind === 'locked') throw lockedError(ctx, lock!.lockedUntil);
    if (decision.kind === 'wrong') {
      const failedAt = ctx.clock.now();
      const result = await ctx.store.recordLoginFailure(login!.id, network, (failures) =>
        lockUntil(policy, failures, failedAt),
      );
      if (result.lockedUntil > failedAt) throw lockedError(ctx, result.lockedUntil);
      throw wrongPassword();
    }
    if (lock && lock.failures > 0) await ctx.store.resetLoginFailures(login!.id, network);
    const token = randomBytes(32).toString('base64url');
    const createdAt = ctx.clock.now();
    await ctx.store.createSession(
      hashToken(token),
      decision.login.id,
      createdAt,
      createdAt + ctx.sessionTtlMs,
    );
    return { token, ...(await accountView(ctx, decision.login.id)) };
  });
}

/** onRequest hook for the API: a valid, unexpired bearer token or 401. */
export function bearerAuth(ctx: TrackerContext) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    const accountId =
      match?.[1] && (await ctx.store.findSession(hashToken(match[1]), ctx.clock.now()));
    if (!accountId) {
      throw new HttpError(401, 'unauthorized', 'Log in again: the session is missing or expired', {
        messageNl: 'Log opnieuw in: de sessie ontbreekt of is verlopen',
      });
    }
    request.accountId = accountId;
  };
}
