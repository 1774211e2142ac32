import type Database from 'better-sqlite3';
import type { AppContext } from '../core/appContext';
import { HOUR } from '../core/clock';
import { followUpAudience, isFollowUpMailing } from '../followUps/audience';
import { segmentQueries } from '../segments/store/segmentQueries';
import { selectionStoreOf, type AttachedSelection, type Recipient } from './selectionStore';
import { suppressedLookup } from './suppressedLookup';

export type { AttachedSelection, Recipient } from './selectionStore';

export interface SkippedContact {
  contactId: number;
  email: string;
  normalizedEmail: string;
  selectionId: string;
  selectionDescription: string;
  /** duplicates: the contact id that is mailed instead; suppressed: the reason; recentlyMailed: when. */
  detail: string;
}

/** Recipients the checklist can count and walk once, from memory or from a staged table. */
export interface RecipientList extends Iterable<Recipient> {
  readonly length: number;
}

/**
 * What the checklist and send.start read of an answer: how many, who (one pass) and the counts
 * of who was left out. ResolvedRecipients is one; a send's StagedRecipients is another.
 */
export interface RecipientsAnswer {
  recipients: RecipientList;
  skipped: {
    duplicates: { readonly length: number };
    suppressed: { readonly length: number };
    recentlyMailed: { readonly length: number };
  };
  fairUseHours: number;
  outsideSegment: number;
}

export interface ResolvedRecipients {
  recipients: Recipient[];
  skipped: {
    duplicates: SkippedContact[];
    suppressed: SkippedContact[];
    recentlyMailed: SkippedContact[];
  };
  fairUseHours: number;
  /** Contacts of the selections that the mailing's segment leaves out. */
  outsideSegment: number;
}

/** A mailing's selections with their contacts: what de-duplication works on. */
export interface SelectionContacts extends AttachedSelection {
  contacts: readonly Recipient[];
}

/** Each address once (the first selection's contact wins), with the selection it came from. */
export interface Deduplicated {
  unique: { contact: Recipient; selection: AttachedSelection }[];
  duplicates: SkippedContact[];
}

/**
 * Who a mailing goes to now: the contacts of its selections (newest selection first, so the freshest
 * data wins), each address once, never a suppressed one, and by default nobody who was sent a mail
 * within the last fairUseHours (settings.limits.fairUseHours, 0 switches it off).
 * Only contacts within the mailing's segment (if it has one) count at all, so a contact outside it
 * is neither sent nor listed as skipped, and a duplicate of it in an older selection may be sent.
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
  const attached = attachedSelections(sqlite, mailingId);
  const segment = segmentQueries(
    sqlite,
    mailingId,
    attached.map((s) => s.id),
  );
  const store = selectionStoreOf(sqlite);
  let outsideSegment = 0;
  const selections = attached.map((selection) => {
    const contacts = store.contacts(selection.id, segment?.get(selection.id));
    if (segment) outsideSegment += store.contactCount(selection.id) - contacts.length;
    // Outside the audience counts as not in the selection at all (neither sent nor skipped).
    const within = audience
      ? contacts.filter((contact) => audience.has(contact.normalizedEmail))
      : contacts;
    return { ...selection, contacts: within };
  });
  return {
    ...excludeFromDeduplicated(context, deduplicate(selections), options),
    outsideSegment,
  };
}

/**
 * Whether the mailing narrows its selections by a segment or a follow-up's audience: its answer
 * then depends on more than the parts IncrementalRecipients keeps.
 */
export function narrowsSelections(sqlite: Database.Database, mailingId: string): boolean {
  return segmentQueries(sqlite, mailingId, []) !== null || isFollowUpMailing(sqlite, mailingId);
}

/** The mailing's selections, newest first (the order de-duplication keeps). */
export function attachedSelections(
  sqlite: Database.Database,
  mailingId: string,
): AttachedSelection[] {
  return selectionStoreOf(sqlite).attachedSelections(mailingId);
}

export function deduplicate(selections: readonly SelectionContacts[]): Deduplicated {
  const result: Deduplicated = { unique: [], duplicates: [] };
  const mailedAs = new Map<string, number>();
  for (const selection of selections) {
    const { id, description } = selection;
    const from = { id, description };
    for (const contact of selection.contacts) {
      const first = mailedAs.get(contact.normalizedEmail);
      if (first === undefined) {
        mailedAs.set(contact.normalizedEmail, contact.contactId);
        result.unique.push({ contact, selection: from });
      } else {
        result.duplicates.push(skippedContact(contact, from, String(first)));
      }
    }
  }
  return result;
}

/** The suppression list and the fair-use window as they are now, over de-duplicated contacts. */
export function excludeFromDeduplicated(
  context: AppContext,
  deduplicated: Deduplicated,
  options: { fairUseHours?: number; now?: number } = {},
): ResolvedRecipients {
  const now = options.now ?? context.clock.now();
  const fairUseHours = options.fairUseHours ?? context.settings.read().limits.fairUseHours;
  const isSuppressed = suppressedLookup(context.database.sqlite);
  const lastSent = recentlySent(context, fairUseHours, now);
  const result: ResolvedRecipients = {
    recipients: [],
    skipped: { duplicates: deduplicated.duplicates.slice(), suppressed: [], recentlyMailed: [] },
    fairUseHours,
    outsideSegment: 0,
  };
  for (const { contact, selection } of deduplicated.unique) {
    const reason = isSuppressed(contact.normalizedEmail);
    if (reason !== undefined) {
      result.skipped.suppressed.push(skippedContact(contact, selection, reason));
      continue;
    }
    const sentAt = lastSent.get(contact.normalizedEmail);
    if (sentAt !== undefined) {
      result.skipped.recentlyMailed.push(
        skippedContact(contact, selection, new Date(sentAt).toISOString()),
      );
      continue;
    }
    result.recipients.push(contact);
  }
  return result;
}

function skippedContact(
  contact: Recipient,
  selection: AttachedSelection,
  detail: string,
): SkippedContact {
  return {
    contactId: contact.contactId,
    email: contact.email,
    normalizedEmail: contact.normalizedEmail,
    selectionId: selection.id,
    selectionDescription: selection.description,
    detail,
  };
}

/** Addresses with a mail actually sent within the window, with the latest moment. */
function recentlySent(context: AppContext, hours: number, now: number): Map<string, number> {
  if (hours <= 0) return new Map();
  return selectionStoreOf(context.database.sqlite).sentSince(now - hours * HOUR);
}
