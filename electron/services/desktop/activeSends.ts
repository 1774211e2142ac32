import type Database from 'better-sqlite3';

export interface ActiveSends {
  running: number;
  scheduled: number;
  /** The earliest scheduled start, for the tray's tooltip. */
  nextScheduledAt: number | null;
  /** Active automations: they wait for a till file or a birthday, so they keep the tray too. */
  automations?: number;
}

/** Sends that keep the desktop app alive in the tray: running now, or waiting for their time. */
export function activeSends(sqlite: Database.Database): ActiveSends {
  const row = sqlite
    .prepare(
      `SELECT
         coalesce(sum(state = 'running'), 0) AS running,
         coalesce(sum(state = 'scheduled'), 0) AS scheduled,
         min(CASE WHEN state = 'scheduled' THEN scheduled_at END) AS nextScheduledAt
       FROM sends WHERE state IN ('running', 'scheduled')`,
    )
    .get() as ActiveSends;
  const automations = sqlite
    .prepare(`SELECT count(*) AS n FROM automations WHERE status = 'active'`)
    .get() as { n: number };
  return { ...row, automations: automations.n };
}
