import { describe, expect, it } from 'vitest';
import {
  keystoreVerdict,
  safeStorageCipher,
  type SafeStorageLike,
} from '../../../electron/main/safeStorageCipher';
import type { Logger } from '../../../electron/services/core/logger';
import { aesSecretCipher } from '../../../electron/services/core/secrets';

/** Stands in for the OS keychain: reversible, but visibly not the plain text. */
function fakeSafeStorage(
  available: boolean,
  backend = 'gnome_libsecret',
): SafeStorageLike & { calls: number } {
  const store = {
    calls: 0,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
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

  it('refuses basic_text on Linux: the key file is used and the account page is told', () => {
    const logger = recordingLogger();
    const storage = fakeSafeStorage(true, 'basic_text');
    const cipher = safeStorageCipher(storage, fileCipher, logger, 'linux');
    expect(cipher.protection).toBe('fileSystem');
    const stored = cipher.encrypt('geheim');
    expect(stored.startsWith('v1.')).toBe(true);
    expect(storage.calls).toBe(0);
    expect(logger.warnings).toEqual([expect.stringContaining('basic_text')]);
  });

  it('still reads a secret stored through basic_text before, so no password is lost', () => {
    const earlier = safeStorageCipher(
      fakeSafeStorage(true),
      fileCipher,
      recordingLogger(),
      'linux',
    );
    const stored = earlier.encrypt('oud');
    const now = safeStorageCipher(
      fakeSafeStorage(true, 'basic_text'),
      fileCipher,
      recordingLogger(),
      'linux',
    );
    expect(now.decrypt(stored)).toBe('oud');
  });

  it('reports keystore protection only for a real OS store', () => {
    expect(
      safeStorageCipher(fakeSafeStorage(true), fileCipher, recordingLogger(), 'linux').protection,
    ).toBe('keystore');
    expect(
      safeStorageCipher(fakeSafeStorage(false), fileCipher, recordingLogger(), 'darwin').protection,
    ).toBe('fileSystem');
    expect(fileCipher().protection).toBe('fileSystem');
  });
});

describe('keystoreVerdict', () => {
  it('accepts libsecret and KWallet on Linux and the Keychain and DPAPI elsewhere', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
      expect(keystoreVerdict(fakeSafeStorage(true, backend), 'linux')).toEqual({ use: true });
    expect(keystoreVerdict(fakeSafeStorage(true, 'basic_text'), 'darwin')).toEqual({ use: true });
    expect(keystoreVerdict(fakeSafeStorage(true, 'basic_text'), 'win32')).toEqual({ use: true });
  });

  it('refuses basic_text, a backend not known yet, and an unavailable store', () => {
    expect(keystoreVerdict(fakeSafeStorage(true, 'basic_text'), 'linux')).toEqual({
      use: false,
      reason: 'basicText',
    });
    expect(keystoreVerdict(fakeSafeStorage(true, 'unknown'), 'linux')).toMatchObject({
      use: false,
    });
    expect(keystoreVerdict(fakeSafeStorage(false), 'win32')).toEqual({
      use: false,
      reason: 'unavailable',
    });
  });
});
