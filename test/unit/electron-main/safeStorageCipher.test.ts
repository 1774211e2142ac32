import { describe, expect, it } from 'vitest';
import { safeStorageCipher, type SafeStorageLike } from '../../../electron/main/safeStorageCipher';
import type { Logger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';

/** Stands in for the OS keychain: reversible, but visibly not the plain text. */
function fakeSafeStorage(available: boolean): SafeStorageLike & { calls: number } {
  const store = {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(plain: string) {
      store.calls += 1;
      return Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a));
    },
    decryptString(encrypted: Buffer) {
      return Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
  return store;
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, error: () => {}, warn: (m) => warnings.push(m) };
}

const fileCipher = () => aesSecretCipher(Buffer.alloc(32, 7));

describe('safeStorageCipher', () => {
  it('encrypts through the OS store and reads it back', () => {
    const storage = fakeSafeStorage(true);
    const cipher = safeStorageCipher(storage, fileCipher, recordingLogger());
    const stored = cipher.encrypt('smtp-wachtwoord');
    expect(stored.startsWith('ss1.')).toBe(true);
    expect(stored).not.toContain('smtp-wachtwoord');
    expect(storage.calls).toBe(1);
    expect(cipher.decrypt(stored)).toBe('smtp-wachtwoord');
  });

  it('still reads secrets written by browser mode with the key file', () => {
    const legacy = fileCipher().encrypt('oud-wachtwoord');
    const cipher = safeStorageCipher(fakeSafeStorage(true), fileCipher, recordingLogger());
    expect(cipher.decrypt(legacy)).toBe('oud-wachtwoord');
  });

  it('falls back to the key file and logs it when the OS store is unavailable', () => {
    const logger = recordingLogger();
    const storage = fakeSafeStorage(false);
    const cipher = safeStorageCipher(storage, fileCipher, logger);
    const stored = cipher.encrypt('geheim');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(storage.calls).toBe(0);
    expect(cipher.decrypt(stored)).toBe('geheim');
    expect(logger.warnings).toHaveLength(1);
  });

  it('says so instead of guessing when a keychain secret cannot be read', () => {
    const stored = safeStorageCipher(fakeSafeStorage(true), fileCipher, recordingLogger()).encrypt(
      'x',
    );
    const without = safeStorageCipher(fakeSafeStorage(false), fileCipher, recordingLogger());
    expect(() => without.decrypt(stored)).toThrow(/keychain/);
  });
});
