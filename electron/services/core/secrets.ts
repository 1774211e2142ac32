import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Turns secrets (SMTP and IMAP passwords, the tracker token) into ciphertext for the database.
 * Electron passes one backed by safeStorage (the OS keychain); plain-Node runs use AES-256-GCM
 * with a key from WINKELPOST_SECRET_KEY, or else a random key file kept beside the data.
 */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(cipherText: string): string;
  /**
   * keystore: the OS key store guards the secrets. fileSystem: the key lies in the data folder (or
   * the environment), so only the folder's permissions protect them; the account page says so.
   */
  readonly protection: SecretProtection;
}

export type SecretProtection = 'keystore' | 'fileSystem';

export function aesSecretCipher(key: Buffer): SecretCipher {
  return {
    protection: 'fileSystem',
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
        .join('.');
    },
    decrypt(cipherText) {
      const [version, iv, tag, body] = cipherText.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new Error('Unknown secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

export function nodeSecretCipher(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): SecretCipher {
  const fromEnv = env.WINKELPOST_SECRET_KEY;
  if (fromEnv) return aesSecretCipher(createHash('sha256').update(fromEnv).digest());
  const keyFile = join(dataDir, 'secret.key');
  if (!existsSync(keyFile))
    writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  return aesSecretCipher(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64'));
}
