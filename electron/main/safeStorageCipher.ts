import type { Logger } from '../services/core/logger';
import type { SecretCipher } from '../services/core/secrets';

/** The part of Electron's safeStorage we use; passed in so this file stays testable under Node. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const PREFIX = 'ss1.';

/**
 * Secrets through the operating system's store (Keychain, DPAPI, libsecret). Values written earlier
 * by browser mode (AES "v1." format) stay readable, so switching modes never loses a password.
 * Without an OS store (a Linux box without a keyring) the encrypted key file is used and logged.
 */
export function safeStorageCipher(
  safeStorage: SafeStorageLike,
  fallback: () => SecretCipher,
  logger: Logger,
): SecretCipher {
  let node: SecretCipher | null = null;
  const nodeCipher = () => (node ??= fallback());
  const available = safeStorage.isEncryptionAvailable();
  if (!available) {
    logger.warn('safeStorage is not available: secrets use the encrypted key file instead');
  }
  return {
    encrypt(plain) {
      if (!available) return nodeCipher().encrypt(plain);
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(cipherText) {
      if (!cipherText.startsWith(PREFIX)) return nodeCipher().decrypt(cipherText);
      if (!available)
        throw new Error('This secret was stored with the OS keychain, which is unavailable');
      return safeStorage.decryptString(Buffer.from(cipherText.slice(PREFIX.length), 'base64'));
    },
  };
}
