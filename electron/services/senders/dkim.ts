import { generateKeyPairSync } from 'node:crypto';
import type { KeyValueStore } from '../core/kv';
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
  recordValue: string;
  createdAt: number;
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
  return {
    domain,
    selector: key.selector,
    recordName: `${key.selector}._domainkey.${domain}`,
    recordValue: `v=DKIM1; k=rsa; p=${key.publicKey}`,
    createdAt: key.createdAt,
  };
}

export function dkimRecord(kv: KeyValueStore, domain: string): DkimRecord | null {
  const key = stored(kv)[domain];
  return key ? toRecord(domain, key) : null;
}

/** A fresh key pair; the selector carries the date so a new key never clashes with the old record. */
export function generateDkimKey(
  kv: KeyValueStore,
  cipher: SecretCipher,
  domain: string,
  now: number,
): DkimRecord {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const date = new Date(now);
  const selector = `wp${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
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
