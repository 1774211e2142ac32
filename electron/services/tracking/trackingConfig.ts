import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';

/**
 * What the app needs to put tracked links, the open pixel and the one-click unsubscribe URL into a
 * mail: the tracker's public URL and the account's signing key (handed over at login; stored
 * encrypted). Without it, mails go out untracked: links untouched, no pixel, mailto unsubscribe.
 */
export interface TrackingConfig {
  baseUrl: string;
  account: string;
  kid: string;
  key: Buffer;
}

export const TRACKER_LINK_KEY = 'tracker.link';

interface StoredLink {
  baseUrl: string;
  account: string;
  kid: string;
  /** base64 signing key, encrypted with the app's SecretCipher. */
  keyEncrypted: string;
  /** The bearer token for the tracker API, encrypted too. */
  tokenEncrypted: string;
  userName: string;
}

export function saveTrackerLink(
  kv: KeyValueStore,
  cipher: SecretCipher,
  link: {
    baseUrl: string;
    account: string;
    kid: string;
    key: Buffer;
    token: string;
    userName: string;
  },
): void {
  const stored: StoredLink = {
    baseUrl: link.baseUrl.replace(/\/+$/, ''),
    account: link.account,
    kid: link.kid,
    keyEncrypted: cipher.encrypt(link.key.toString('base64')),
    tokenEncrypted: cipher.encrypt(link.token),
    userName: link.userName,
  };
  kv.set(TRACKER_LINK_KEY, stored);
}

export function clearTrackerLink(kv: KeyValueStore): void {
  kv.delete(TRACKER_LINK_KEY);
}

export function readTrackingConfig(kv: KeyValueStore, cipher: SecretCipher): TrackingConfig | null {
  const stored = kv.get<StoredLink>(TRACKER_LINK_KEY);
  if (!stored) return null;
  return {
    baseUrl: stored.baseUrl,
    account: stored.account,
    kid: stored.kid,
    key: Buffer.from(cipher.decrypt(stored.keyEncrypted), 'base64'),
  };
}

export function readTrackerSession(
  kv: KeyValueStore,
  cipher: SecretCipher,
): { baseUrl: string; account: string; token: string; userName: string } | null {
  const stored = kv.get<StoredLink>(TRACKER_LINK_KEY);
  if (!stored) return null;
  return {
    baseUrl: stored.baseUrl,
    account: stored.account,
    token: cipher.decrypt(stored.tokenEncrypted),
    userName: stored.userName,
  };
}
