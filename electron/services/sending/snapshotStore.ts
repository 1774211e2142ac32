import type Database from 'better-sqlite3';
import { serializeSnapshot, type SendSnapshot } from './sendSnapshot';

/** The send_snapshots table: one snapshot per send, written once and never changed. */
export class SnapshotStore {
  private readonly byId: Database.Statement<[string], { snapshot: string }>;
  private readonly insertStmt: Database.Statement<[string, string, string, string, number]>;

  constructor(readonly sqlite: Database.Database) {
    this.byId = sqlite.prepare('select snapshot from send_snapshots where send_id = ?');
    // A second writer (a send started before snapshots, built by two readers at once) keeps
    // the first: a snapshot never changes once stored.
    this.insertStmt = sqlite.prepare(
      `insert into send_snapshots (send_id, mailing_id, content_hash, snapshot, created_at)
       values (?, ?, ?, ?, ?) on conflict (send_id) do nothing`,
    );
  }

  get(sendId: string): SendSnapshot | null {
    const row = this.byId.get(sendId);
    return row ? (JSON.parse(row.snapshot) as SendSnapshot) : null;
  }

  put(sendId: string, snapshot: SendSnapshot, now: number): void {
    const { json, contentHash } = serializeSnapshot(snapshot);
    this.insertStmt.run(sendId, snapshot.mailingId, contentHash, json, now);
  }

  contentHash(sendId: string): string | null {
    const row = this.sqlite
      .prepare('select content_hash as hash from send_snapshots where send_id = ?')
      .get(sendId) as { hash: string } | undefined;
    return row?.hash ?? null;
  }
}
