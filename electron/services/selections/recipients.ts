import type { AppContext } from '../../app';
import { HOUR } from '../core/clock';
import { followUpAudience } from '../followUps/audience';
import { suppressedLookup } from './suppressedLookup';

export interface Recipient {
  contactId: number;
  email: string;
  normalizedEmail: string;
  data: Record<string, string>;
}

export interface SkippedContact {
  contactId: number;
  email: string;
  normalizedEmail: string;
  selectionId: string;
  selectionDescription: string;
  /** duplicates: the contact id that is mailed instead; suppressed: the reason; recentlyMailed: when. */
  detail: string;
}

export interface ResolvedRecipients {
  recipients: Recipient[];
  skipped: {
    duplicates: SkippedContact[];
    suppressed: SkippedContact[];
    recentlyMailed: SkippedContact[];
  };
  fairUseHours: number;
}

interface ContactRow {
  id: number;
  email: string;
  normalizedEmail: string;
  data: string;
}

/**
 * Who a mailing goes to now: the contacts of its selections (newest selection first, so the freshest
 * data wins), each address once, never a suppressed one, and by default nobody who was sent a mail
 * within the last fairUseHours (settings.limits.fairUseHours, 0 switches it off).
 * The send queue calls this when a send starts; step 3 shows the same answer.
 */
export function resolveRecipients(
  context: AppContext,
  mailingId: string,
  options: { fairUseHours?: number; now?: number; audience?: ReadonlySet<string> } = {},
): ResolvedRecipients {
  const sqlite = context.database.sqlite;
  // A follow-up's mailing goes only to the original's non-openers (electron/services/followUps).
  const audience = options.audience ?? followUpAudience(sqlite, mailingId);
  const now = options.now ?? context.clock.now();
  const fairUseHours = options.fairUseHours ?? context.settings.read().limits.fairUseHours;
  const selections = sqlite
    .prepare(
      `select s.id, s.description from selections s
       where s.id in (select selection_id from mailing_selections where mailing_id = ?)
       order by s.created_at desc, s.id`,
    )
    .all(mailingId) as { id: string; description: string }[];
  // Contacts are stored in row order, so id order is row order and the index needs no sort.
  const contactsOf = sqlite.prepare(
    `select id, email, normalized_email as normalizedEmail, data from contacts
     where selection_id = ? order by id`,
  );
  const isSuppressed = suppressedLookup(sqlite);
  const lastSent = recentlySent(context, fairUseHours, now);

  const result: ResolvedRecipients = {
    recipients: [],
    skipped: { duplicates: [], suppressed: [], recentlyMailed: [] },
    fairUseHours,
  };
  const mailedAs = new Map<string, number>();
  for (const selection of selections) {
    for (const contact of contactsOf.iterate(selection.id) as Iterable<ContactRow>) {
      classify({ ...contact, selectionId: selection.id, description: selection.description });
    }
  }
  return result;

  function classify(row: ContactRow & { selectionId: string; description: string }): void {
    const skipped = (detail: string): SkippedContact => ({
      contactId: row.id,
      email: row.email,
      normalizedEmail: row.normalizedEmail,
      selectionId: row.selectionId,
      selectionDescription: row.description,
      detail,
    });
    if (audience && !audience.has(row.normalizedEmail)) return;
    const first = mailedAs.get(row.normalizedEmail);
    if (first !== undefined) {
      result.skipped.duplicates.push(skipped(String(first)));
      return;
    }
    mailedAs.set(row.normalizedEmail, row.id);
    const reason = isSuppressed(row.normalizedEmail);
    if (reason !== undefined) {
      result.skipped.suppressed.push(skipped(reason));
      return;
    }
    const sentAt = lastSent.get(row.normalizedEmail);
    if (sentAt !== undefined) {
      result.skipped.recentlyMailed.push(skipped(new Date(sentAt).toISOString()));
      return;
    }
    result.recipients.push({
      contactId: row.id,
      email: row.email,
      normalizedEmail: row.normalizedEmail,
      data: JSON.parse(row.data) as Record<string, string>,
    });
  }
}

/** Addresses with a mail actually sent within the window, with the latest moment. */
function recentlySent(context: AppContext, hours: number, now: number): Map<string, number> {
  const map = new Map<string, number>();
  if (hours <= 0) return map;
  const rows = context.database.sqlite
    .prepare(
      `select normalized_email as email, max(sent_at) as sentAt from send_jobs
       where state = 'sent' and sent_at > ? group by normalized_email`,
    )
    .all(now - hours * HOUR) as { email: string; sentAt: number }[];
  for (const row of rows) map.set(row.email, row.sentAt);
  return map;
}
