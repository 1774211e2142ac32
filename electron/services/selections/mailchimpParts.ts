import { basename } from 'node:path';
import { compactHeader } from './emailHeaders';
import { importError } from './importError';

/**
 * Mailchimp (the web product shops come from) exports an audience as one CSV per status:
 * subscribed, unsubscribed (with UNSUB_TIME and the reason), cleaned (bounced, with CLEAN_TIME)
 * and non-subscribed (never opted in). Only the first may be mailed. The columns tell the parts
 * apart even when the file was renamed; the non-subscribed part has no column of its own, so its
 * file name tells it.
 */
export type InactivePart = 'unsubscribed' | 'cleaned' | 'nonSubscribed';

const MARKER_COLUMNS: Record<string, InactivePart> = {
  unsubtime: 'unsubscribed',
  cleantime: 'cleaned',
};

const PART_FILE =
  /^(unsubscribed|cleaned|non_?subscribed)_(?:members|email_audience|audience)_export/i;

/** The part a header row belongs to, from its marker columns, or null for mailable members. */
export function inactivePart(cells: readonly string[]): InactivePart | null {
  for (const cell of cells) {
    const part = MARKER_COLUMNS[compactHeader(cell)];
    if (part) return part;
  }
  return null;
}

const PART_ERRORS: Record<InactivePart, string> = {
  unsubscribed: 'mailchimpUnsubscribed',
  cleaned: 'mailchimpCleaned',
  nonSubscribed: 'mailchimpNonSubscribed',
};

/** Refuses a whole file that is one of the parts that may not be mailed, saying which. */
export function refuseInactiveExport(fileName: string, header: readonly string[]): void {
  const named = PART_FILE.exec(basename(fileName))?.[1]?.toLowerCase();
  const part =
    inactivePart(header) ??
    (named === undefined
      ? null
      : named === 'unsubscribed'
        ? 'unsubscribed'
        : named === 'cleaned'
          ? 'cleaned'
          : 'nonSubscribed');
  if (part)
    throw importError(PART_ERRORS[part], `A Mailchimp export of ${part} members is never mailed`);
}
