import type Database from 'better-sqlite3';

/** The tracker's events as the sync stores them, and what it looks up to act on an unsubscribe. */
export class SyncEventStore {
  private readonly s;

  constructor(private readonly sqlite: Database.Database) {
    this.s = {
      insert: sqlite.prepare(
        `insert or ignore into events (id, mailing_id, recipient_id, kind, link_id, machine, at, detail)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      recipientEmail: sqlite
        .prepare('select email from send_jobs where recipient_id = ? and mailing_id = ? limit 1')
        .pluck(),
      recipientEmailAnyMailing: sqlite
        .prepare('select email from send_jobs where recipient_id = ? limit 1')
        .pluck(),
      mailingSubject: sqlite.prepare('select subject from mailings where id = ?').pluck(),
    };
  }

  /**
   * Stores an event; false when its id was already there (a page fetched twice). Positional
   * arguments: one call per event on the sync's hot path, no object per event.
   */
  insert(
    id: string,
    mailingId: string,
    recipientId: string | null,
    kind: string,
    linkId: number | null,
    machine: boolean,
    at: number,
    detail: string,
  ): boolean {
    return (
      this.s.insert.run(id, mailingId, recipientId, kind, linkId, machine ? 1 : 0, at, detail)
        .changes > 0
    );
  }

  /** The address a recipient id was sent to: in this mailing, else in any. */
  emailOf(recipientId: string, mailingId: string): string | undefined {
    return (this.s.recipientEmail.get(recipientId, mailingId) ??
      this.s.recipientEmailAnyMailing.get(recipientId)) as string | undefined;
  }

  mailingSubject(mailingId: string): string | undefined {
    return this.s.mailingSubject.get(mailingId) as string | undefined;
  }

  /** `work` as one transaction (a page and its cursor: all or nothing). */
  transaction<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
    return this.sqlite.transaction(work);
  }
}
