import { createSecretKey, type KeyObject } from 'node:crypto';
import type { TrackerStore } from './store/types';
import { hasValidSignature, readToken, type TokenKind, type TokenPayload } from './tokens';
import { TtlCache } from './ttlCache';

/**
 * Verifies tokens against the accounts' keys. Keys never change once created (rotation adds a new
 * kid), so they are cached; unknown kids are cached briefly so garbage tokens cannot hammer the store.
 */
export class KeyRing {
  private readonly cache = new TtlCache<KeyObject | null>(5 * 60_000, 10_000, Date.now, 30_000);

  constructor(private readonly store: TrackerStore) {}

  async verify(token: string, kind: TokenKind): Promise<TokenPayload | null> {
    const opened = readToken(token);
    // The kind is checked before any lookup: a token for another route costs no key fetch.
    if (!opened || opened.payload.kind !== kind) return null;
    const { account, kid } = opened.payload;
    // Held as a KeyObject: every HMAC with it then skips copying and preparing the secret.
    const key = await this.cache.get(`${account}\u0000${kid}`, async () => {
      const secret = await this.store.getKey(account, kid);
      return secret ? createSecretKey(secret) : null;
    });
    return key && hasValidSignature(opened, key) ? opened.payload : null;
  }

  /**
   * The same check without waiting, for the pixel: the payload, null when invalid, or undefined
   * when the key is not in the cache yet (then call verify).
   */
  verifyCached(token: string, kind: TokenKind): TokenPayload | null | undefined {
    const opened = readToken(token);
    if (!opened || opened.payload.kind !== kind) return null;
    const cached = this.cache.peek(`${opened.payload.account}\u0000${opened.payload.kid}`);
    if (!cached) return undefined;
    return cached.value && hasValidSignature(opened, cached.value) ? opened.payload : null;
  }

  /** After a rotation in this process, so the new kid is found at once. */
  forget(account: string): void {
    this.cache.deleteWhere((key) => key.startsWith(`${account}\u0000`));
  }
}
