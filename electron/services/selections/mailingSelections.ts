import { DomainError, ERROR_CODES } from '../../contract/envelope';
import type { RecipientsSummaryT } from '../../contract/selections';
import type { AppContext } from '../core/appContext';
import { isUsable } from './ages';
import { findSelection } from './selectionQueries';
import { selectionStoreOf } from './selectionStore';
import { sharedRecipientsCache } from '../recipients/recipientsCache';
import type { SkippedContact } from './recipients';

const LISTED = 1000;

export function requireEditableMailing(context: AppContext, mailingId: string): void {
  const mailing = selectionStoreOf(context.database.sqlite).mailing(mailingId);
  if (!mailing)
    throw new DomainError(ERROR_CODES.notFound, 'No such mailing', 'selections:errors.noMailing');
  if (mailing.templateKey !== null)
    throw new DomainError(
      ERROR_CODES.conflict,
      'A template is never sent',
      'selections:errors.template',
    );
  if (mailing.status !== 'draft')
    throw new DomainError(
      ERROR_CODES.conflict,
      'The mailing is no longer a draft',
      'selections:errors.mailingLocked',
    );
}

/** Step 3: replaces the mailing's selections; each must still be younger than two months. */
export function setMailingSelections(
  context: AppContext,
  mailingId: string,
  selectionIds: string[],
): RecipientsSummaryT {
  requireEditableMailing(context, mailingId);
  const ids = [...new Set(selectionIds)];
  const now = context.clock.now();
  for (const id of ids) {
    const selection = findSelection(context, id);
    if (!isUsable(selection.createdAt, now))
      throw new DomainError(
        ERROR_CODES.conflict,
        'Only selections younger than two months can be chosen',
        'selections:errors.tooOld',
        { description: selection.description },
      );
  }
  selectionStoreOf(context.database.sqlite).attachSelections(mailingId, ids);
  return recipientsSummary(context, mailingId);
}

export function recipientsSummary(context: AppContext, mailingId: string): RecipientsSummaryT {
  const store = selectionStoreOf(context.database.sqlite);
  if (!store.mailingExists(mailingId))
    throw new DomainError(ERROR_CODES.notFound, 'No such mailing', 'selections:errors.noMailing');
  const selectionIds = store.attachedSelections(mailingId).map((s) => s.id);
  // Cached until a write could change the answer: ~0.5 s at 100,000 contacts otherwise.
  const resolved = sharedRecipientsCache(context).get(mailingId);
  const entries = (list: SkippedContact[]) =>
    list.slice(0, LISTED).map((s) => ({
      email: s.email,
      selection: s.selectionDescription,
      detail: s.detail,
    }));
  const listed = resolved.recipients.slice(0, LISTED);
  // The kept answer holds addresses only: the names of those listed come from the database.
  const dataOf = store.contactData(listed.map((r) => r.contactId));
  return {
    selectionIds,
    fairUseHours: resolved.fairUseHours,
    recipientCount: resolved.recipients.length,
    duplicateCount: resolved.skipped.duplicates.length,
    suppressedCount: resolved.skipped.suppressed.length,
    recentlyMailedCount: resolved.skipped.recentlyMailed.length,
    outsideSegmentCount: resolved.outsideSegment,
    recipients: listed.map((r) => {
      const data = dataOf.get(r.contactId) ?? r.data;
      return { email: r.email, contactId: r.contactId, name: data.naam || data.voornaam || '' };
    }),
    duplicates: entries(resolved.skipped.duplicates),
    suppressed: entries(resolved.skipped.suppressed),
    recentlyMailed: entries(resolved.skipped.recentlyMailed),
  };
}
