import type { KeyValueStore } from '../core/kv';
import type { SecretCipher } from '../core/secrets';
import { BounceSettingsStore } from './bounceSettings';
import { bounceAddressFor, verpSecret } from './verp';

/**
 * For the send queue: the envelope sender (Return-Path) of one job's mail. Read the settings once
 * per batch with this builder; it answers null when no bounce mailbox address is set (then the
 * sender's own address is the envelope sender, as before).
 */
export function createReturnPathBuilder(deps: {
  kv: KeyValueStore;
  cipher: SecretCipher;
}): (jobId: number) => string | null {
  const settings = new BounceSettingsStore(deps.kv, deps.cipher).read();
  if (!settings.address) return () => null;
  if (!settings.useVerp) return () => settings.address;
  const secret = verpSecret(deps.kv);
  return (jobId) => bounceAddressFor(settings.address, jobId, secret);
}
