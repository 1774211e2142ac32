import type { FastifyRequest } from 'fastify';
import { classifyRequest } from './classify';
import type { Clock } from './clock';
import type { EventBuffer } from './eventBuffer';
import { truncateIp } from './ip';
import type { KeyRing } from './keyRing';
import type { PasswordVerifier } from './loginDecision';
import type { LoginPolicy } from './loginThrottle';
import type { ScryptParams } from './password';
import type { EventKind, NewEvent, TrackerStore } from './store/types';
import type { TokenPayload } from './tokens';
import type { TtlCache } from './ttlCache';
import { newEventId } from './eventId';

/** What the route modules share; built once by buildTracker. */
export interface TrackerContext {
  store: TrackerStore;
  clock: Clock;
  publicUrl: string;
  keys: KeyRing;
  events: EventBuffer;
  /**
   * With the event spool (npm run tracker) an answered open or click must survive a killed
   * process: an answer whose event goes to the buffer instead (over the spool's cap, or a request
   * the Fastify routes take) waits for the buffer's write (`events.written()`).
   */
  durableAnswers: boolean;
  /** Click targets by linkKey, already checked by safeRedirectUrl (null: none to redirect to). */
  links: TtlCache<string | null>;
  machineWindowMs: number;
  loginPolicy: LoginPolicy;
  sessionTtlMs: number;
  supportContact: string | undefined;
  /** Parameters for hashes made by this server (none today) and the dummy hash for unknown users. */
  scrypt: ScryptParams;
  /** Checks a password against a stored hash (one scrypt hash per call). */
  verifyPassword: PasswordVerifier;
}

/** Longer user agents are cut here (and in the spool line) so no event holds more. */
export const MAX_USER_AGENT = 512;

/** Who asked: the client's address (after the trusted proxies) and its user agent. */
export interface Visitor {
  ip: string | undefined;
  userAgent: string | undefined;
}

/** A tracking event from a verified token and the request: IP truncated here, on arrival. */
export function eventFromRequest(
  ctx: TrackerContext,
  request: FastifyRequest,
  payload: TokenPayload,
  kind: EventKind,
  classify = true,
): NewEvent {
  return eventFrom(
    ctx,
    { ip: request.ip, userAgent: request.headers['user-agent'] },
    payload,
    kind,
    classify,
  );
}

export function eventFrom(
  ctx: TrackerContext,
  visitor: Visitor,
  payload: TokenPayload,
  kind: EventKind,
  classify = true,
): NewEvent {
  const now = ctx.clock.now();
  return buildEvent(visitor, payload, kind, {
    at: now,
    id: newEventId(now),
    machineWindowMs: classify ? ctx.machineWindowMs : null,
  });
}

/**
 * The event of a verified token: the address truncated (again: truncating a truncated address
 * changes nothing), the user agent capped, the machine verdict (none when machineWindowMs is null).
 */
export function buildEvent(
  visitor: Visitor,
  payload: TokenPayload,
  kind: EventKind,
  when: { at: number; id: string; machineWindowMs: number | null },
): NewEvent {
  const userAgent = visitor.userAgent?.slice(0, MAX_USER_AGENT) ?? null;
  const machine =
    when.machineWindowMs === null
      ? null
      : classifyRequest(
          {
            userAgent: userAgent ?? undefined,
            ip: visitor.ip,
            nowMs: when.at,
            issuedAtMs: payload.iat === undefined ? undefined : payload.iat * 1000,
          },
          when.machineWindowMs,
        );
  return {
    id: when.id,
    account: payload.account,
    kind,
    mailing: payload.mailing,
    recipient: payload.recipient,
    link: payload.link ?? null,
    machine,
    at: when.at,
    ip: truncateIp(visitor.ip),
    userAgent,
  };
}
