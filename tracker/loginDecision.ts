import { randomBytes } from 'node:crypto';
import type { ScryptParams } from './password';
import type { AccountLogin } from './store/types';

/**
 * What a login attempt comes to. Every path costs exactly one password hash (unknown user name,
 * locked account, wrong password, right password), so the answer time does not tell whether a
 * user name exists or is locked.
 */
export type LoginDecision =
  | { kind: 'unknown' }
  | { kind: 'locked'; login: AccountLogin }
  | { kind: 'wrong'; login: AccountLogin }
  | { kind: 'ok'; login: AccountLogin };

export type PasswordVerifier = (password: string, storedHash: string) => Promise<boolean>;

/**
 * A stored-hash string that no password matches, with the given cost: random salt and random
 * expected value, so checking against it costs one hash without ever having to make one.
 */
export function dummyPasswordHash(params: ScryptParams): string {
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    randomBytes(16).toString('base64'),
    randomBytes(32).toString('base64'),
  ].join('$');
}

export async function decideLogin(input: {
  login: AccountLogin | null;
  /** End of the lock of this account for the caller's network (0: none). */
  lockedUntil: number;
  password: string;
  now: number;
  dummyHash: string;
  verify: PasswordVerifier;
}): Promise<LoginDecision> {
  const { login, lockedUntil, password, now, dummyHash, verify } = input;
  if (!login) {
    await verify(password, dummyHash);
    return { kind: 'unknown' };
  }
  // Hashed even while locked, and a right password does not lift the lock.
  const matches = await verify(password, login.passwordHash);
  if (lockedUntil > now) return { kind: 'locked', login };
  return matches ? { kind: 'ok', login } : { kind: 'wrong', login };
}
