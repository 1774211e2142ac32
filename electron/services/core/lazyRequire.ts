import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A dependency loaded at its first use instead of at app start, synchronously (for callers that
 * are not async, such as a barcode drawn per recipient). The app's start-up memory is what every
 * send and import carries: a package only some mailings or channels need (bwip-js for vouchers,
 * qrcode for a QR block, iconv-lite for an odd charset) is not part of it. Type it with an
 * `import type` of the same package.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
