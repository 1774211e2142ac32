import type Database from 'better-sqlite3';

export interface MatchedJob {
  id: number;
  sendId: string;
  mailingId: string;
  email: string;
  normalizedEmail: string;
  recipientId: string;
  state: string;
}

export type MatchedBy = 'verp' | 'message_id' | 'recipient';

const COLUMNS = `id, send_id as sendId, mailing_id as mailingId, email,
  normalized_email as normalizedEmail, recipient_id as recipientId, state`;

/**
 * Finds the send job a bounce is about: the VERP job id (signed, so trusted), else the bounced
 * mail's Message-ID, else the newest job that went to the reported address.
 */
export class JobMatcher {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      byId: sqlite.prepare(`select ${COLUMNS} from send_jobs where id = ?`),
      // Stored with or without angle brackets, depending on who wrote it: try both.
      byMessageId: sqlite.prepare(
        `select ${COLUMNS} from send_jobs where message_id in (?, ?) order by id desc limit 1`,
      ),
      byRecipient: sqlite.prepare(
        `select ${COLUMNS} from send_jobs where normalized_email = ? and sent_at is not null
         order by sent_at desc, id desc limit 1`,
      ),
    };
  }

  match(
    verpJobId: number | null,
    messageId: string | null,
    recipient: string | null,
  ): { job: MatchedJob; by: MatchedBy } | null {
    if (verpJobId !== null) {
      const job = this.statements.byId.get(verpJobId) as MatchedJob | undefined;
      if (job) return { job, by: 'verp' };
    }
    if (messageId) {
      const bare = messageId.replace(/^<|>$/g, '');
      const job = this.statements.byMessageId.get(`<${bare}>`, bare) as MatchedJob | undefined;
      if (job) return { job, by: 'message_id' };
    }
    if (recipient) {
      const job = this.statements.byRecipient.get(recipient.trim().toLowerCase()) as
        MatchedJob | undefined;
      if (job) return { job, by: 'recipient' };
    }
    return null;
  }
}
