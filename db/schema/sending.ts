import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { mailings } from './mailings';

export const sends = sqliteTable(
  'sends',
  {
    id: text('id').primaryKey(),
    mailingId: text('mailing_id')
      .notNull()
      .references(() => mailings.id),
    /** A double click or a second window with the same key finds this row instead of a new one. */
    idempotencyKey: text('idempotency_key').notNull(),
    state: text('state', {
      enum: ['scheduled', 'running', 'paused', 'finished', 'cancelled'],
    }).notNull(),
    pauseReason: text('pause_reason'),
    scheduledAt: integer('scheduled_at'),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    recipients: integer('recipients').notNull().default(0),
    creditsReserved: integer('credits_reserved').notNull().default(0),
    creditsCommitted: integer('credits_committed').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    /** 1 per newsletter mail, 2 per voucher mail; fixed when the send is started. */
    creditsPerMail: integer('credits_per_mail').notNull().default(1),
    /**
     * A commit to the tracker that was asked for but not yet acknowledged: retried with the same
     * idempotency key (`<send id>:commit:<seq>`) until it is, so no commit is counted twice.
     */
    creditsCommitSeq: integer('credits_commit_seq').notNull().default(0),
    creditsCommitPending: integer('credits_commit_pending').notNull().default(0),
    /** When the unused part of the reservation was handed back (finish or cancel). */
    creditsReleasedAt: integer('credits_released_at'),
    /** Who was left out at start: {duplicates, suppressed, recentlyMailed} (JSON). */
    skipped: text('skipped').notNull().default('{}'),
    /** The server's own words behind pauseReason, for the details fold-out. */
    pauseDetail: text('pause_detail'),
    /** Set when a scheduled send was due while the app was closed and started on the next start. */
    startedLateAt: integer('started_late_at'),
  },
  (t) => [
    uniqueIndex('sends_idempotency_idx').on(t.idempotencyKey),
    index('sends_state_idx').on(t.state),
  ],
);

export const sendJobs = sqliteTable(
  'send_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sendId: text('send_id')
      .notNull()
      .references(() => sends.id),
    mailingId: text('mailing_id').notNull(),
    contactId: integer('contact_id'),
    email: text('email').notNull(),
    normalizedEmail: text('normalized_email').notNull(),
    /** Opaque id the tracker sees instead of the address. */
    recipientId: text('recipient_id').notNull(),
    /** Fixed at enqueue time: a retry of an uncertain job reuses it. */
    messageId: text('message_id').notNull(),
    /** The contact's variables frozen at enqueue time (JSON). */
    data: text('data').notNull().default('{}'),
    state: text('state', {
      enum: [
        'queued',
        'sending',
        'sent',
        'retry',
        'bounced_hard',
        'bounced_soft',
        'failed',
        'suppressed',
        'skipped',
        'uncertain',
      ],
    }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: integer('next_at'),
    lastError: text('last_error'),
    sentAt: integer('sent_at'),
    /**
     * Set when the message is handed to an SMTP connection, and on disk before its data is
     * finished (the final dot); cleared by the next claim. After a crash only a 'sending' job with this mark becomes 'uncertain'; one
     * without it never left the app and goes back to 'queued'.
     */
    wireAt: integer('wire_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('send_jobs_mailing_email_idx').on(t.mailingId, t.normalizedEmail),
    index('send_jobs_send_state_idx').on(t.sendId, t.state),
    index('send_jobs_recipient_idx').on(t.recipientId),
    index('send_jobs_email_sent_idx').on(t.normalizedEmail, t.sentAt),
    // A bounce without VERP is matched to its job by the Message-ID it quotes.
    index('send_jobs_message_id_idx').on(t.messageId),
  ],
);
