import { randomUUID } from 'node:crypto';
import { signToken } from '../../../tracker/tokens';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { AppContext } from '../core/appContext';
import { DAY } from '../core/clock';
import { sendSystemMail } from '../sending/systemMail';
import { readTrackingConfig } from '../tracking/trackingConfig';
import { normalizeEmail } from './email';
import { resubscribeStoreOf } from './resubscribeStore';
import { resubscribeMail } from './resubscribeMail';

/** The mailing id confirm tokens carry, so the tracker knows they are not about a real mailing. */
export const RESUBSCRIBE_MAILING = 'resubscribe';
/** A confirmation link works this long. */
export const RESUBSCRIBE_VALID_MS = 14 * DAY;
/** One confirmation mail per address per day: a double click never mails the customer twice. */
export const RESUBSCRIBE_INTERVAL_MS = DAY;

/**
 * Re-subscription by double opt-in: records the request, signs a 'confirm' token for it and mails
 * the customer the link <tracker>/confirm/<token>. Nothing is lifted here; the customer's click
 * (reported by the tracker) calls confirmResubscribe.
 */
export async function requestResubscribe(
  context: AppContext,
  email: string,
): Promise<{ requestId: string; sentTo: string }> {
  const normalized = normalizeEmail(email);
  if (!context.suppression.isSuppressed(normalized))
    throw new DomainError(
      ERROR_CODES.conflict,
      'This address is not blocked',
      'suppression:errors.notSuppressed',
    );
  const tracking = readTrackingConfig(context.kv, context.cipher);
  if (!tracking)
    throw new DomainError(
      ERROR_CODES.unavailable,
      'Re-subscribing needs the account link to the tracker',
      'suppression:errors.noTracker',
    );
  const now = context.clock.now();
  const requests = resubscribeStoreOf(context.database.sqlite);
  const recentAt = requests.openRequestSince(normalized, now - RESUBSCRIBE_INTERVAL_MS);
  if (recentAt !== undefined)
    throw new DomainError(
      ERROR_CODES.conflict,
      'A confirmation mail was already sent today',
      'suppression:errors.alreadyRequested',
      { at: recentAt },
    );

  const requestId = randomUUID();
  const token = signToken(
    {
      v: 1,
      kid: tracking.kid,
      account: tracking.account,
      mailing: RESUBSCRIBE_MAILING,
      recipient: requestId,
      kind: 'confirm',
      iat: Math.floor(now / 1000),
    },
    tracking.key,
  );
  const link = `${tracking.baseUrl}/confirm/${token}`;
  const shopName = context.settings.read().shop.name;
  // Recorded first: if the mail fails it is removed again, so the user can simply retry.
  requests.insert(requestId, normalized, now);
  try {
    await sendSystemMail(context, { to: normalized, ...resubscribeMail(link, shopName) });
  } catch (error) {
    requests.remove(requestId);
    throw error;
  }
  return { requestId, sentTo: normalized };
}

export type ConfirmOutcome = 'lifted' | 'alreadyConfirmed' | 'expired' | 'unknown';

/**
 * Called when the tracker reports a confirm event for a request id (the statistics sync does
 * this). Lifts the suppression and records when; idempotent, so a repeated event changes nothing.
 */
export function confirmResubscribe(
  context: AppContext,
  requestId: string,
): { outcome: ConfirmOutcome; email?: string } {
  const sqlite = context.database.sqlite;
  const requests = resubscribeStoreOf(sqlite);
  return sqlite.transaction(() => {
    const request = requests.get(requestId);
    if (!request) return { outcome: 'unknown' as const };
    if (request.confirmedAt !== null)
      return { outcome: 'alreadyConfirmed' as const, email: request.normalizedEmail };
    const now = context.clock.now();
    if (now - request.requestedAt > RESUBSCRIBE_VALID_MS)
      return { outcome: 'expired' as const, email: request.normalizedEmail };
    context.suppression.lift(request.normalizedEmail);
    requests.confirm(requestId, now);
    return { outcome: 'lifted' as const, email: request.normalizedEmail };
  })();
}
