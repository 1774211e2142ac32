import type Database from 'better-sqlite3';
import { RESTORED_PAUSE_REASON } from './restoredSends';

/*
 * The SQL of backup and restore, on whole database files. Each runs once, on a connection opened
 * for it (a backup, the database at start), and the merges' statements name the columns both
 * files share, known only then: so they are prepared where they run, not kept.
 */

/** Job states that say what happened to a mail: a restore must never forget them. */
const OUTCOMES = `('sent', 'uncertain', 'bounced_hard', 'bounced_soft', 'failed', 'suppressed', 'skipped')`;

/** A backup is usable when SQLite finds it whole and it is a Winkelpost file. */
export function isWinkelpostDatabase(db: Database.Database): boolean {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const tables = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name IN ('settings', 'mailings')`)
    .get() as { n: number };
  return rows[0]?.integrity_check === 'ok' && tables.n === 2;
}

/** A consistent copy of the database in `file`. */
export function vacuumInto(db: Database.Database, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/** Runs `merge` with the database in `fromFile` attached as `previous`. */
function withPrevious<T>(sqlite: Database.Database, fromFile: string, merge: () => T): T {
  sqlite.prepare('ATTACH DATABASE ? AS previous').run(fromFile);
  try {
    return merge();
  } finally {
    sqlite.prepare('DETACH DATABASE previous').run();
  }
}

/**
 * Unsubscribes and bounces recorded after the backup must survive the restore: nobody who opted
 * out may be mailed again because an older database was put back.
 */
export function mergeSuppressions(sqlite: Database.Database, fromFile: string): number {
  return withPrevious(sqlite, fromFile, () => {
    const shared = sharedColumns(sqlite, 'suppression', ['id']);
    if (shared.length === 0) return 0;
    const list = shared.map((name) => `"${name}"`).join(', ');
    return sqlite
      .prepare(
        `INSERT OR IGNORE INTO main.suppression (${list}) SELECT ${list} FROM previous.suppression`,
      )
      .run().changes;
  });
}

/** The shared columns of one table in `main` and `previous`, without the ones left out. */
function sharedColumns(sqlite: Database.Database, table: string, without: string[]): string[] {
  const names = (schema: string) =>
    (sqlite.prepare(`PRAGMA ${schema}.table_info(${table})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
  const previous = new Set(names('previous'));
  return names('main').filter((name) => previous.has(name) && !without.includes(name));
}

/**
 * After a restore, the replaced database (the safety copy) knows more about the sends than the
 * backup: which mails went out, bounced or may have arrived, and which credits were committed.
 * That is carried over, as mergeSuppressions does with unsubscribes: sends the backup lacks (for
 * mailings it has), the newer credit bookkeeping of the sends both know, and every
 * job outcome; a job that was on its way in the copy comes back uncertain. Returns the jobs written.
 */
export function carryOverSendOutcomes(sqlite: Database.Database, fromFile: string): number {
  return withPrevious(sqlite, fromFile, () =>
    sqlite.transaction(() => {
      const sendColumns = sharedColumns(sqlite, 'sends', []);
      const list = sendColumns.map((c) => `"${c}"`).join(', ');
      sqlite
        .prepare(
          `INSERT OR IGNORE INTO main.sends (${list}) SELECT ${list} FROM previous.sends
           WHERE mailing_id IN (SELECT id FROM main.mailings)`,
        )
        .run();
      // The tracker's ledger moved on with the copy: commit again from where it stood.
      const credits = sendColumns.filter((c) => c.startsWith('credits_'));
      const assignments = credits.map((c) => `"${c}" = p."${c}"`);
      sqlite
        .prepare(
          `UPDATE main.sends AS s SET ${assignments.join(', ')}
           FROM previous.sends AS p WHERE p.id = s.id`,
        )
        .run();
      // What those sends mail: their snapshots (none in a copy from before snapshots).
      const snapshotColumns = sharedColumns(sqlite, 'send_snapshots', []);
      if (snapshotColumns.length > 0) {
        const columns = snapshotColumns.map((c) => `"${c}"`).join(', ');
        sqlite
          .prepare(
            `INSERT OR IGNORE INTO main.send_snapshots (${columns}) SELECT ${columns}
             FROM previous.send_snapshots WHERE send_id IN (SELECT id FROM main.sends)`,
          )
          .run();
      }
      const jobColumns = sharedColumns(sqlite, 'send_jobs', ['id']);
      const jobList = jobColumns.map((c) => `"${c}"`).join(', ');
      // What the copy had on its way may have arrived; what it had only claimed did not leave.
      const state = `CASE WHEN state <> 'sending' THEN state
        WHEN wire_at IS NOT NULL THEN 'uncertain' ELSE 'queued' END`;
      const selected = jobColumns.map((c) => (c === 'state' ? state : `"${c}"`));
      const updates = jobColumns
        .filter((c) => c !== 'mailing_id' && c !== 'normalized_email')
        .map((c) => `"${c}" = excluded."${c}"`);
      // Jobs of sends the backup lacks come over whole; known jobs take the copy's outcome.
      return sqlite
        .prepare(
          `INSERT INTO main.send_jobs (${jobList})
           SELECT ${selected.join(', ')} FROM previous.send_jobs
           WHERE send_id IN (SELECT id FROM main.sends)
           ON CONFLICT (mailing_id, normalized_email) DO UPDATE SET ${updates.join(', ')}
           WHERE excluded.state IN ${OUTCOMES}`,
        )
        .run().changes;
    })(),
  );
}

/**
 * A restored database must never send by itself: every send it shows as running, scheduled or
 * paused comes back paused with a reason the shop acknowledges before it goes on.
 */
export function pauseRestoredSends(sqlite: Database.Database): number {
  return sqlite
    .prepare(
      `UPDATE sends SET state = 'paused', pause_reason = ?, pause_detail = NULL
       WHERE state IN ('running', 'scheduled', 'paused')`,
    )
    .run(RESTORED_PAUSE_REASON).changes;
}
