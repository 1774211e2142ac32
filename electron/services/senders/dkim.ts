import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyValueStore } from '../core/kvStore';
import type { SecretCipher } from '../core/secrets';
import type { DkimSigning } from '../sending/transport';

/** One RSA-2048 key per sender domain; the private half encrypted at rest like the SMTP password. */
interface StoredDkimKey {
  selector: string;
  privateKeyEncrypted: string;
  /** base64 DER (SubjectPublicKeyInfo): the p= of the TXT record. */
  publicKey: string;
  createdAt: number;
}

const KEY = 'dkim.keys';

export interface DkimRecord {
  domain: string;
  selector: string;
  recordName: string;
  recordHost: string;
  recordValue: string;
  recordChunks: string[];
  createdAt: number;
}

/** A TXT record holds strings of at most 255 characters; a longer value is several of them. */
export const TXT_STRING_MAX = 255;

export function txtChunks(value: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < value.length; i += TXT_STRING_MAX)
    chunks.push(value.slice(i, i + TXT_STRING_MAX));
  return chunks;
}

export function domainOf(email: string): string {
  return email
    .slice(email.lastIndexOf('@') + 1)
    .trim()
    .toLowerCase();
}

function stored(kv: KeyValueStore): Record<string, StoredDkimKey> {
  return kv.get<Record<string, StoredDkimKey>>(KEY) ?? {};
}

function toRecord(domain: string, key: StoredDkimKey): DkimRecord {
  const recordValue = `v=DKIM1; k=rsa; p=${key.publicKey}`;
  return {
    domain,
    selector: key.selector,
    recordName: `${key.selector}._domainkey.${domain}`,
    // Most DNS panels add the domain themselves and want only this part.
    recordHost: `${key.selector}._domainkey`,
    recordValue,
    recordChunks: txtChunks(recordValue),
    createdAt: key.createdAt,
  };
}

export function dkimRecord(kv: KeyValueStore, domain: string): DkimRecord | null {
  const key = stored(kv)[domain];
  return key ? toRecord(domain, key) : null;
}

/**
 * A fresh key pair. The selector carries the date and a random part: a new key never clashes with
 * the old record, not even when two keys are made on one day (the old record may still be cached).
 */
export function generateDkimKey(
  kv: KeyValueStore,
  cipher: SecretCipher,
  domain: string,
  now: number,
): DkimRecord {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const date = new Date(now);
  const day = `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
  const selector = `wp${day}${randomBytes(3).toString('hex')}`;
  const key: StoredDkimKey = {
    selector,
    privateKeyEncrypted: cipher.encrypt(
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    createdAt: now,
  };
  kv.set(KEY, { ...stored(kv), [domain]: key });
  return toRecord(domain, key);
}

/** nodemailer's dkim option for mail from this address, when its domain has a key. */
export function dkimSigningFor(
  kv: KeyValueStore,
  cipher: SecretCipher,
  senderEmail: string,
): DkimSigning | undefined {
  const domain = domainOf(senderEmail);
  const key = stored(kv)[domain];
  if (!key) return undefined;
  return {
    domainName: domain,
    keySelector: key.selector,
    privateKey: cipher.decrypt(key.privateKeyEncrypted),
  };
}

/** What the DNS check compares the published record with. */
export function dkimPublicKey(
  kv: KeyValueStore,
  domain: string,
): { selector: string; publicKey: string } | null {
  const key = stored(kv)[domain];
  return key ? { selector: key.selector, publicKey: key.publicKey } : null;
}
