import { randomBytes } from 'node:crypto';
import { hashPassword, DEFAULT_SCRYPT, type ScryptParams } from './password';
import type { Account, SigningKey, TrackerStore } from './store/types';

/** Account setup shared by the admin command line and tests: ids, signing keys, password hashes. */
export const newAccountId = () => `acc_${randomBytes(9).toString('base64url')}`;
export const newSigningKey = (kid: string): SigningKey => ({ kid, key: randomBytes(32) });
export const generatePassword = () => randomBytes(12).toString('base64url');

export async function createAccount(
  store: TrackerStore,
  input: {
    userName: string;
    shopName: string;
    password: string;
    now: number;
    scrypt?: ScryptParams;
  },
): Promise<Account> {
  return store.createAccount({
    id: newAccountId(),
    userName: input.userName,
    shopName: input.shopName,
    passwordHash: await hashPassword(input.password, input.scrypt ?? DEFAULT_SCRYPT),
    key: newSigningKey('k1'),
    now: input.now,
  });
}

/** Adds a new current key (k<n+1>); the old kids stay, so mails already sent keep working. */
export async function rotateKey(
  store: TrackerStore,
  accountId: string,
  now: number,
): Promise<string> {
  const kids = await store.listKids(accountId);
  const highest = Math.max(0, ...kids.map((kid) => Number(/^k(\d+)$/.exec(kid)?.[1] ?? 0)));
  const kid = `k${highest + 1}`;
  await store.addKey(accountId, newSigningKey(kid), now);
  return kid;
}
