import type Database from 'better-sqlite3';
import { emailHash } from '../suppression/email';

/**
 * Undoing a soft bounce must take back its count. SuppressionStore can count up and lift, but not
 * count down, so this is the one place outside it that writes `soft_bounces` (same hashing).
 */
export function setSoftBounceCount(
  sqlite: Database.Database,
  email: string,
  count: number,
  at: number,
): void {
  const hash = emailHash(email);
  if (count <= 0) {
    sqlite.prepare('delete from soft_bounces where email_hash = ?').run(hash);
    return;
  }
  sqlite
    .prepare(
      `insert into soft_bounces (email_hash, count, last_at, last_reason) values (?, ?, ?, '')
       on conflict(email_hash) do update set count = excluded.count`,
    )
    .run(hash, count, at);
}

export function softBounceCount(sqlite: Database.Database, email: string): number {
  const row = sqlite
    .prepare('select count from soft_bounces where email_hash = ?')
    .get(emailHash(email)) as { count: number } | undefined;
  return row?.count ?? 0;
}
