import type Database from 'better-sqlite3';

/** The pause reason of a send that came back with a restored database (sending:pause.restored). */
export const RESTORED_PAUSE_REASON = 'restored';

/** Job states that say what happened to a mail: a restore must never forget them. */
const OUTCOMES = `('sent', 'uncertain', 'bounced_hard', 'bounced_soft', 'failed', 'suppressed', 'skipped')`;

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
  sqlite.prepare('ATTACH DATABASE ? AS previous').run(fromFile);
  try {
    return sqlite.transaction(() => {
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
    })();
  } finally {
    sqlite.prepare('DETACH DATABASE previous').run();
  }
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
