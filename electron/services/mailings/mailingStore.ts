import { desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/openDatabase';
import { mailingSelections, mailings, sends } from '../../../db/schema';

/** A mailings row as stored (the document as JSON text). */
export type MailingRow = typeof mailings.$inferSelect;

/** The overview's columns: no document. */
export type MailingSummaryRow = Pick<
  MailingRow,
  'id' | 'subject' | 'type' | 'status' | 'templateKey' | 'createdAt' | 'updatedAt' | 'sentAt'
>;

/** The columns an edit, a status change or a test send may change. */
export type MailingChanges = Partial<
  Pick<
    MailingRow,
    | 'subject'
    | 'topLine'
    | 'fromId'
    | 'replyTo'
    | 'campaignTags'
    | 'document'
    | 'status'
    | 'updatedAt'
    | 'contentChangedAt'
    | 'lastTestAt'
    | 'sentAt'
  >
>;

/** The mailings table: its rows, and whether a send or selection points at one. */
export class MailingStore {
  constructor(private readonly db: Db) {}

  /** Open (not sent) and all newest first; sent by when they went out. */
  summaries(filter: 'open' | 'sent' | 'all'): MailingSummaryRow[] {
    const query = this.db
      .select({
        id: mailings.id,
        subject: mailings.subject,
        type: mailings.type,
        status: mailings.status,
        templateKey: mailings.templateKey,
        createdAt: mailings.createdAt,
        updatedAt: mailings.updatedAt,
        sentAt: mailings.sentAt,
      })
      .from(mailings);
    if (filter === 'all') return query.orderBy(desc(mailings.createdAt)).all();
    if (filter === 'sent')
      return query
        .where(eq(mailings.status, 'sent'))
        .orderBy(desc(mailings.sentAt), desc(mailings.createdAt))
        .all();
    return query.where(ne(mailings.status, 'sent')).orderBy(desc(mailings.createdAt)).all();
  }

  row(id: string): MailingRow | undefined {
    return this.db.select().from(mailings).where(eq(mailings.id, id)).get();
  }

  hasTemplate(templateKey: string): boolean {
    return (
      this.db
        .select({ id: mailings.id })
        .from(mailings)
        .where(eq(mailings.templateKey, templateKey))
        .get() !== undefined
    );
  }

  hasSends(id: string): boolean {
    return (
      this.db.select({ id: sends.id }).from(sends).where(eq(sends.mailingId, id)).get() !==
      undefined
    );
  }

  insert(row: MailingRow): void {
    this.db.insert(mailings).values(row).run();
  }

  change(id: string, changes: MailingChanges): void {
    this.db.update(mailings).set(changes).where(eq(mailings.id, id)).run();
  }

  /** The mailing and its attached selections (its images go by ON DELETE CASCADE). */
  delete(id: string): void {
    this.db.transaction((tx) => {
      tx.delete(mailingSelections).where(eq(mailingSelections.mailingId, id)).run();
      tx.delete(mailings).where(eq(mailings.id, id)).run();
    });
  }
}
