import { pooledRandomBytes } from './randomPool';

/**
 * A time-ordered event id (UUID version 7, RFC 9562): 48 bits of the receipt time in
 * milliseconds, then random bits. Ids of later events sort after earlier ones, so both the
 * tracker's store and the app's `events` table append at the end of their id index instead of
 * touching a random page per event (random v4 ids made syncing 100,000 events cost ~2 s more).
 */
const scratch = Buffer.alloc(16);

export function newEventId(nowMs: number): string {
  pooledRandomBytes(10).copy(scratch, 6);
  const ms = Math.max(0, Math.floor(nowMs));
  scratch.writeUIntBE(ms % 2 ** 48, 0, 6);
  scratch[6] = 0x70 | (scratch[6]! & 0x0f);
  scratch[8] = 0x80 | (scratch[8]! & 0x3f);
  const hex = scratch.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
