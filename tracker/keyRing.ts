import type { TrackerStore } from './store/types';
import { readTokenClaims, verifyToken, type TokenKind, type TokenPayload } from './tokens';
import { TtlCache } from './ttlCache';

/**
 * Verifies tokens against the accounts' keys. Keys never change once created (rotation adds a new
 * kid), so they are cached; unknown kids are cached briefly so garbage tokens cannot hammer the store.
 */
export class KeyRing {
  private readonly cache = new TtlCache<Buffer | null>(5 * 60_000, 10_000);

  constructor(private readonly store: TrackerStore) {}

  async verify(token: string, kind: TokenKind): Promise<TokenPayload | null> {
    const claims = readTokenClaims(token);
    if (!claims) return null;
    const key = await this.cache.get(`${claims.account}\u0000${claims.kid}`, () =>
      this.store.getKey(claims.account, claims.kid),
    );
    if (!key) return null;
    return verifyToken(token, kind, (account, kid) =>
      account === claims.account && kid === claims.kid ? key : undefined,
    );
  }

  /** After a rotation in this process, so the new kid is found at once. */
  forget(account: string): void {
    this.cache.deleteWhere((key) => key.startsWith(`${account}\u0000`));
  }
}
