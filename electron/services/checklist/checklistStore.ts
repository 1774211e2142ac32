import type Database from 'better-sqlite3';

/** What the checklist reads beyond the mailing itself. */
export class ChecklistStore {
  constructor(private readonly sqlite: Database.Database) {}

  /** The selections attached to a mailing, with their names and when they were imported. */
  attachedSelections(mailingId: string): { description: string; createdAt: number }[] {
    return this.sqlite
      .prepare(
        `select s.description, s.created_at as createdAt from mailing_selections ms
         join selections s on s.id = ms.selection_id where ms.mailing_id = ?`,
      )
      .all(mailingId) as { description: string; createdAt: number }[];
  }
}
