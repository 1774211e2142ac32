import type Database from 'better-sqlite3';
import { normalizeEmail } from '../../../electron/services/suppression/email';

export interface SeededRecipient {
  recipientId: string;
  email: string;
  name: string;
}

/**
 * A mailing that went out to `count` people, written straight into the app's database the way the
 * send queue leaves it (sends + send_jobs in state sent). Used where a test needs a sent mailing
 * but not the sending itself.
 */
export function seedSentMailing(
  sqlite: Database.Database,
  options: { mailingId: string; subject?: string; count: number; sentAt: number; sendId?: string },
): SeededRecipient[] {
  const { mailingId, count, sentAt } = options;
  const sendId = options.sendId ?? `send-${mailingId}`;
  const document = JSON.stringify({ version: 1, settings: {}, blocks: [] });
  const recipients: SeededRecipient[] = [];
  sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into mailings (id, type, subject, document, status, created_at, updated_at,
           content_changed_at, sent_at) values (?, 'newsletter', ?, ?, 'sent', ?, ?, ?, ?)`,
      )
      .run(mailingId, options.subject ?? 'Najaarsactie', document, sentAt, sentAt, sentAt, sentAt);
    sqlite
      .prepare(
        `insert into sends (id, mailing_id, idempotency_key, state, started_at, finished_at,
           recipients, created_at) values (?, ?, ?, 'finished', ?, ?, ?, ?)`,
      )
      .run(sendId, mailingId, sendId, sentAt, sentAt, count, sentAt);
    const job = sqlite.prepare(
      `insert into send_jobs (send_id, mailing_id, email, normalized_email, recipient_id, message_id,
         data, state, sent_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?)`,
    );
    for (let i = 0; i < count; i += 1) {
      const email = `klant${i}@example.nl`;
      const name = `Klant ${i}`;
      const recipientId = `${mailingId}-r${i}`;
      job.run(
        sendId,
        mailingId,
        email,
        normalizeEmail(email),
        recipientId,
        `<${recipientId}@winkelpost.test>`,
        JSON.stringify({ naam: name }),
        sentAt,
        sentAt,
      );
      recipients.push({ recipientId, email, name });
    }
  })();
  return recipients;
}
