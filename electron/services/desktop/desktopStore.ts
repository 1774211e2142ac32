import type Database from 'better-sqlite3';
import { weakCache } from '../render/weakCache';

export interface ActiveSends {
  running: number;
  scheduled: number;
  /** The earliest scheduled start, for the tray's tooltip. */
  nextScheduledAt: number | null;
  /** Active automations: they wait for a till file or a birthday, so they keep the tray too. */
  automations?: number;
}

/** What the desktop shell reads of the shop's database: the tray's activity, a restore's checks. */
export class DesktopStore {
  private readonly s;

  constructor(sqlite: Database.Database) {
    this.s = {
      sends: sqlite.prepare(
        `SELECT
           coalesce(sum(state = 'running'), 0) AS running,
           coalesce(sum(state = 'scheduled'), 0) AS scheduled,
           min(CASE WHEN state = 'scheduled' THEN scheduled_at END) AS nextScheduledAt
         FROM sends WHERE state IN ('running', 'scheduled')`,
      ),
      automations: sqlite.prepare(`SELECT count(*) AS n FROM automations WHERE status = 'active'`),
      lastMailAt: sqlite.prepare(
        `SELECT max(t) AS t FROM (
           SELECT max(created_at) AS t FROM sends
           UNION ALL SELECT max(updated_at) FROM send_jobs)`,
      ),
    };
  }

  /** Sends running now or waiting for their time, and the active automations. */
  activeSends(): ActiveSends {
    const row = this.s.sends.get() as ActiveSends;
    const automations = this.s.automations.get() as { n: number };
    return { ...row, automations: automations.n };
  }

  /** When a send was last made or one of its mails last changed; null without any. */
  lastMailActivityAt(): number | null {
    return (this.s.lastMailAt.get() as { t: number | null }).t;
  }
}

/** One store per connection, so the tray's frequent question prepares nothing. */
export const desktopStoreOf = weakCache((sqlite: Database.Database) => new DesktopStore(sqlite));
