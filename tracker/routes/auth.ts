import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { loginInput, type AccountOutput, type LoginOutput } from '../api/schemas';
import type { TrackerContext } from '../context';
import { HttpError } from '../errors';
import { truncateIp } from '../ip';
import { decideLogin, dummyPasswordHash } from '../loginDecision';
import { lockedMessages, lockUntil } from '../loginThrottle';
import { parseBody } from './validate';

/**
 * Login and the bearer-token check. The token is random; only its SHA-256 is stored. Every failed
 * login (unknown user name, locked account, wrong password) costs the same one password hash.
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

export function registerLoginRoute(app: FastifyInstance, ctx: TrackerContext): void {
  const dummyHash = dummyPasswordHash(ctx.scrypt);

  app.post('/login', async (request): Promise<LoginOutput> => {
    const ip = truncateIp(request.ip) ?? 'unknown';
    const wait = ctx.ipLimiter.hit(ip);
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
    const input = parseBody(loginInput, request.body);
    const decision = await decideLogin({
      login: await ctx.store.getLogin(input.userName),
      password: input.password,
      now: ctx.clock.now(),
      dummyHash,
      verify: ctx.verifyPassword,
    });
    if (decision.kind === 'unknown') throw wrongPassword();
    const login = decision.login;
    if (decision.kind === 'locked') throw lockedError(ctx, login.lockedUntil);
    if (decision.kind === 'wrong') {
      const now = ctx.clock.now();
      const result = await ctx.store.recordLoginFailure(login.id, (failures) =>
        lockUntil(ctx.loginPolicy, failures, now),
      );
      if (result.lockedUntil > now) throw lockedError(ctx, result.lockedUntil);
      throw wrongPassword();
    }
    if (login.failedLogins > 0) await ctx.store.resetLoginFailures(login.id);
    const token = randomBytes(32).toString('base64url');
    const now = ctx.clock.now();
    await ctx.store.createSession(hashToken(token), login.id, now, now + ctx.sessionTtlMs);
    return { token, ...(await accountView(ctx, login.id)) };
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
