import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Random bytes drawn many at a time (as randomUUID does): a call to the system's generator per id
 * costs 3–20 µs, which thousands of ids in one go (a send's jobs, a burst of events) add up to.
 * Each byte is handed out once. For ids only; keys and secrets use randomBytes directly.
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

/** `count` fresh random bytes, valid until the next call: read or copy them at once. */
export function pooledRandomBytes(count: number): Buffer {
  if (count > pool.length) return randomBytes(count);
  if (offset + count > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + count);
  offset += count;
  return bytes;
}
