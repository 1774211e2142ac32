import { createHash } from 'node:crypto';

/**
 * Hosted images: content-addressed by SHA-256, served for a year as immutable. Only real image
 * formats are accepted (checked by their magic bytes too), so the tracker can never host a page.
 */
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) =>
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const ASSET_MIME_TYPES = Object.keys(SIGNATURES);

export function isAcceptedImage(mime: string, bytes: Buffer): boolean {
  const check = SIGNATURES[mime];
  return check !== undefined && check(bytes);
}

export function assetHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const ASSET_HASH_PATTERN = /^[0-9a-f]{64}$/;
