import { randomUUID } from 'node:crypto';
import { signToken } from '../../../tracker/tokens';
import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { AppContext } from '../core/appContext';
import { DAY } from '../core/clock';
import { sendSystemMail } from '../sending/systemMail';
import { readTrackingConfig } from '../tracking/trackingConfig';
import { normalizeEmail } from './email';
import { resubscribeMail } from './resubscribeMail';

/** The mailing id confirm tokens carry, so the tracker knows they are not about a real mailing. */
export const RESUBSCRIBE_MAILING = 'resubscribe';
/** A confirmation link works this long. */
export const RESUBSCRIBE_VALID_MS = 14 * DAY;
/** One confirmation mail per address per day: a double click never mails the customer twice. */
export const RESUBSCRIBE_INTERVAL_MS = DAY;

interface RequestRow {
  id: string;
  normalizedEmail: string;
  requestedAt: number;
  confirmedAt: number | null;
}

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
  const recent = context.database.sqlite
    .prepare(
      `select requested_at as requestedAt from resubscribe_requests
       where normalized_email = ? and confirmed_at is null and requested_at > ?
       order by requested_at desc limit 1`,
    )
    .get(normalized, now - RESUBSCRIBE_INTERVAL_MS) as { requestedAt: number } | undefined;
  if (recent)
    throw new DomainError(
      ERROR_CODES.conflict,
      'A confirmation mail was already sent today',
      'suppression:errors.alreadyRequested',
      { at: recent.requestedAt },
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
  context.database.sqlite
    .prepare(
      'insert into resubscribe_requests (id, normalized_email, requested_at) values (?, ?, ?)',
    )
    .run(requestId, normalized, now);
  try {
    await sendSystemMail(context, { to: normalized, ...resubscribeMail(link, shopName) });
  } catch (error) {
    context.database.sqlite.prepare('delete from resubscribe_requests where id = ?').run(requestId);
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
  return sqlite.transaction(() => {
    const request = sqlite
      .prepare(
        `select id, normalized_email as normalizedEmail, requested_at as requestedAt,
                confirmed_at as confirmedAt from resubscribe_requests where id = ?`,
      )
      .get(requestId) as RequestRow | undefined;
    if (!request) return { outcome: 'unknown' as const };
    if (request.confirmedAt !== null)
      return { outcome: 'alreadyConfirmed' as const, email: request.normalizedEmail };
    const now = context.clock.now();
    if (now - request.requestedAt > RESUBSCRIBE_VALID_MS)
      return { outcome: 'expired' as const, email: request.normalizedEmail };
    context.suppression.lift(request.normalizedEmail);
    sqlite
      .prepare('update resubscribe_requests set confirmed_at = ? where id = ?')
      .run(now, requestId);
    return { outcome: 'lifted' as const, email: request.normalizedEmail };
  })();
}
