import { generateKeyPairSync } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';

/** A fresh key as the app stores it: PEM private key, the TXT record a DNS panel would hold. */
export function testDkimKey(): { privateKey: string; record: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    record: `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`,
  };
}

/** mailauth's verifier with DNS answering only `<selector>._domainkey.<domain>` with `record`. */
export async function verifyDkim(message: Buffer, recordName: string, record: string) {
  const result = await dkimVerify(message, {
    resolver: async (name: string, type: string) => {
      if (type === 'TXT' && name.toLowerCase() === recordName.toLowerCase()) return [[record]];
      throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
    },
  });
  return result.results;
}
