import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../core/appContext';
import { DomainError, ERROR_CODES } from '../../contract';
import { sendSystemMail } from '../sending/systemMail';
import { verificationMail } from './verificationMail';

/** A code is valid this long and may be tried this often; then a new one must be requested. */
export const CODE_VALID_MS = 30 * 60 * 1000;
export const CODE_ATTEMPTS = 5;

interface PendingCode {
  email: string;
  codeHash: string;
  expiresAt: number;
  attemptsLeft: number;
  outboxFile: string | null;
}

export interface VerificationStateT {
  senderId: string;
  verified: boolean;
  pendingUntil: number | null;
  attemptsLeft: number;
  outboxFile: string | null;
}

const keyFor = (senderId: string) => `senders.verification.${senderId}`;
const hashCode = (senderId: string, code: string) =>
  createHash('sha256').update(`${senderId}:${code}`).digest();

type Ctx = Pick<AppContext, 'kv' | 'cipher' | 'settings' | 'clock' | 'dataDir' | 'branding'>;

function sender(context: Ctx, senderId: string) {
  const found = context.settings.read().senders.find((s) => s.id === senderId);
  if (!found) {
    throw new DomainError(
      ERROR_CODES.notFound,
      `Sender ${senderId} does not exist`,
      'sending:errors.senderNotFound',
    );
  }
  return found;
}

export function verificationState(context: Ctx, senderId: string): VerificationStateT {
  const identity = sender(context, senderId);
  const pending = context.kv.get<PendingCode>(keyFor(senderId));
  const live =
    pending && pending.email === identity.email && pending.expiresAt > context.clock.now();
  return {
    senderId,
    verified: identity.verified,
    pendingUntil: live ? pending.expiresAt : null,
    attemptsLeft: live ? pending.attemptsLeft : 0,
    outboxFile: live ? pending.outboxFile : null,
  };
}

/** Mails a fresh 6-digit code to the sender's own address (a new code replaces the old one). */
export async function sendVerificationCode(
  context: Ctx,
  senderId: string,
): Promise<VerificationStateT> {
  const identity = sender(context, senderId);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const language = context.settings.read().language;
  const mail = verificationMail(
    language,
    context.branding.productName,
    identity.name,
    code,
    CODE_VALID_MS / 60_000,
  );
  const result = await sendSystemMail(context, {
    to: identity.email,
    from: { name: identity.name, email: identity.email },
    ...mail,
  });
  context.kv.set(keyFor(senderId), {
    email: identity.email,
    codeHash: hashCode(senderId, code).toString('hex'),
    expiresAt: context.clock.now() + CODE_VALID_MS,
    attemptsLeft: CODE_ATTEMPTS,
    outboxFile: result.outboxFile ?? null,
  } satisfies PendingCode);
  return verificationState(context, senderId);
}

/** The code as typed; right marks the identity verified, wrong costs one attempt. */
export function verifyCode(context: Ctx, senderId: string, typed: string): VerificationStateT {
  const identity = sender(context, senderId);
  const pending = context.kv.get<PendingCode>(keyFor(senderId));
  if (!pending || pending.email !== identity.email) {
    throw new DomainError(ERROR_CODES.conflict, 'No code was sent', 'sending:errors.noCodePending');
  }
  if (pending.expiresAt <= context.clock.now()) {
    context.kv.delete(keyFor(senderId));
    throw new DomainError(
      ERROR_CODES.conflict,
      'The code has expired',
      'sending:errors.codeExpired',
    );
  }
  if (pending.attemptsLeft <= 0) {
    throw new DomainError(
      ERROR_CODES.conflict,
      'Too many wrong codes',
      'sending:errors.tooManyAttempts',
    );
  }
  // As the mail shows it or as typed: "667 131", "667-131", with a space or a dash.
  const digits = typed.replace(/[\s\-.]+/g, '');
  // Not six digits is a slip of the keyboard, not a guess: it costs no attempt.
  if (!/^\d{6}$/.test(digits))
    throw new DomainError(
      ERROR_CODES.invalidInput,
      'A code is six digits',
      'sending:errors.codeFormat',
    );
  const right = timingSafeEqual(hashCode(senderId, digits), Buffer.from(pending.codeHash, 'hex'));
  if (!right) {
    const attemptsLeft = pending.attemptsLeft - 1;
    context.kv.set(keyFor(senderId), { ...pending, attemptsLeft });
    throw new DomainError(
      ERROR_CODES.invalidInput,
      'Wrong code',
      attemptsLeft > 0 ? 'sending:errors.wrongCode' : 'sending:errors.tooManyAttempts',
      { attemptsLeft },
    );
  }
  context.settings.markSenderVerified(senderId, true);
  context.kv.delete(keyFor(senderId));
  return verificationState(context, senderId);
}
