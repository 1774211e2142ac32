import { createSecretKey, type KeyObject } from 'node:crypto';
import type { TrackerStore } from './store/types';
import {
  hasValidSignature,
  readToken,
  type TokenKind,
  type TokenPayload,
  type UnverifiedToken,
} from './tokens';
import { TtlCache } from './ttlCache';

/** Tokens that passed their check lately: a mail client or proxy fetching a pixel again is common. */
export const MAX_VERIFIED_TOKENS = 10_000;

/**
 * Verifies tokens against the accounts' keys. Keys never change once created (rotation adds a new
 * kid), so they are cached; unknown kids are cached briefly so garbage tokens cannot hammer the store.
 * For the same reason a token that passed its check stays valid: the last few thousand are
 * remembered by their exact text, so fetching the same pixel again costs no HMAC. Only tokens that
 * passed are remembered (a flood of invalid ones cannot push the valid ones out or fill memory), and
 * a changed character is a different text, checked in full.
 */
export class KeyRing {
  private readonly cache = new TtlCache<KeyObject | null>(5 * 60_000, 10_000, Date.now, 30_000);
  private readonly verified = new Map<string, TokenPayload>();

  constructor(private readonly store: TrackerStore) {}

  async verify(token: string, kind: TokenKind): Promise<TokenPayload | null> {
    const known = this.verified.get(token);
    if (known) return known.kind === kind ? known : null;
    const opened = readToken(token);
    // The kind is checked before any lookup: a token for another route costs no key fetch.
    if (!opened || opened.payload.kind !== kind) return null;
    const { account, kid } = opened.payload;
    // Held as a KeyObject: every HMAC with it then skips copying and preparing the secret.
    const key = await this.cache.get(`${account}\u0000${kid}`, async () => {
      const secret = await this.store.getKey(account, kid);
      return secret ? createSecretKey(secret) : null;
    });
    return key ? this.check(token, opened, key) : null;
  }

  /**
   * The same check without waiting, for the pixel and the click: the payload, null when invalid,
   * or undefined when the key is not in the cache yet (then call verify).
   */
  verifyCached(token: string, kind: TokenKind): TokenPayload | null | undefined {
    const known = this.verified.get(token);
    if (known) return known.kind === kind ? known : null;
    const opened = readToken(token);
    if (!opened || opened.payload.kind !== kind) return null;
    const cached = this.cache.peek(`${opened.payload.account}\u0000${opened.payload.kid}`);
    if (!cached) return undefined;
    return cached.value ? this.check(token, opened, cached.value) : null;
  }

  private check(token: string, opened: UnverifiedToken, key: KeyObject): TokenPayload | null {
    if (!hasValidSignature(opened, key)) return null;
    if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(token, opened.payload);
    return opened.payload;
  }

  /** After a rotation in this process, so the new kid is found at once. */
  forget(account: string): void {
    this.cache.deleteWhere((key) => key.startsWith(`${account}\u0000`));
  }
}
