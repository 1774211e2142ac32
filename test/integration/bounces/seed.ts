import type Database from 'better-sqlite3';
import { BounceRecorder } from '../../../electron/services/bounces/bounceRecorder';
import type { TestApp } from '../../helpers/testApp';

export interface SeedJob {
  id: number;
  email: string;
  messageId: string;
  state?: string;
  sentAt?: number | null;
}

/** A mailing with one send and its jobs, written straight into the real database. */
export function seedSend(
  sqlite: Database.Database,
  options: {
    mailingId: string;
    sendId: string;
    subject: string;
    state?: string;
    at: number;
    jobs: SeedJob[];
  },
): void {
  sqlite
    .prepare(
      `insert or ignore into mailings (id, type, subject, document, created_at, updated_at, content_changed_at, status)
       values (?, 'newsletter', ?, '{}', ?, ?, ?, 'sending')`,
    )
    .run(options.mailingId, options.subject, options.at, options.at, options.at);
  sqlite
    .prepare(
      `insert into sends (id, mailing_id, idempotency_key, state, created_at, started_at)
       values (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      options.sendId,
      options.mailingId,
      `key-${options.sendId}`,
      options.state ?? 'running',
      options.at,
      options.at,
    );
  const insertJob = sqlite.prepare(
    `insert into send_jobs (id, send_id, mailing_id, email, normalized_email, recipient_id, message_id,
       state, sent_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const job of options.jobs) {
    insertJob.run(
      job.id,
      options.sendId,
      options.mailingId,
      job.email,
      job.email.toLowerCase(),
      `r${job.id}`,
      job.messageId,
      job.state ?? 'sent',
      job.sentAt === undefined ? options.at : job.sentAt,
      options.at,
    );
  }
}

export function jobState(sqlite: Database.Database, id: number): string {
  return (sqlite.prepare('select state from send_jobs where id = ?').get(id) as { state: string })
    .state;
}

export function eventsOf(
  sqlite: Database.Database,
  kind: string,
): { recipientId: string; detail: string }[] {
  return sqlite
    .prepare(
      'select recipient_id as recipientId, detail from events where kind = ? order by recipient_id',
    )
    .all(kind) as { recipientId: string; detail: string }[];
}

/** The recorder the poller uses, on the test app's database, writing pause reasons in Dutch. */
export function recorderFor(t: TestApp): BounceRecorder {
  return new BounceRecorder(
    t.app.context.database.sqlite,
    t.app.context.suppression,
    () => t.clock.now(),
    () => 'nl',
  );
}
