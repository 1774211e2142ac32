import type { Logger } from '../services/core/logger';
import type { SecretCipher } from '../services/core/secrets';

/** The part of Electron's safeStorage we use; passed in so this file stays testable under Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which store backs it; `basic_text` is a key written into Chromium's source. */
  getSelectedStorageBackend?(): string;
}

export type KeystoreVerdict = { use: true } | { use: false; reason: 'unavailable' | 'basicText' };

/**
 * Whether safeStorage really protects secrets. On Linux without a keyring Chromium falls back to
 * `basic_text`, a fixed key anyone can look up: that is no better than our key file, and would
 * hide the fact from the user, so it is refused (as is a backend it cannot name yet).
 */
export function keystoreVerdict(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): KeystoreVerdict {
  if (!safeStorage.isEncryptionAvailable()) return { use: false, reason: 'unavailable' };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown')
      return { use: false, reason: 'basicText' };
  }
  return { use: true };
}

const PREFIX = 'ss1.';

/**
 * Secrets through the operating system's store (Keychain, DPAPI, libsecret). Values written earlier
 * by browser mode (AES "v1." format) stay readable, so switching modes never loses a password.
 * Without a real OS store (a Linux box without a keyring, or only `basic_text`) the encrypted key
 * file is used, logged, and reported as `protection: 'fileSystem'` for the account page. Secrets
 * written earlier through `basic_text` stay readable; they move to the key file when next saved.
 */
export function safeStorageCipher(
  safeStorage: SafeStorageLike,
  fallback: () => SecretCipher,
  logger: Logger,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  let node: SecretCipher | null = null;
  const nodeCipher = () => (node ??= fallback());
  const verdict = keystoreVerdict(safeStorage, platform);
  if (!verdict.use) {
    logger.warn(
      verdict.reason === 'basicText'
        ? 'safeStorage offers only basic_text (no keyring): secrets use the encrypted key file instead'
        : 'safeStorage is not available: secrets use the encrypted key file instead',
    );
  }
  return {
    protection: verdict.use ? 'keystore' : 'fileSystem',
    encrypt(plain) {
      if (!verdict.use) return nodeCipher().encrypt(plain);
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipherText) {
      if (!cipherText.startsWith(PREFIX)) return nodeCipher().decrypt(cipherText);
      if (!safeStorage.isEncryptionAvailable())
        throw new Error('This secret was stored with the OS keychain, which is unavailable');
      return safeStorage.decryptString(Buffer.from(cipherText.slice(PREFIX.length), 'base64'));
    },
  };
}
