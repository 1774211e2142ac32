import type { ChecklistItemT } from '../../contract/checklist';
import type { AccountSection } from '../../contract/plain/accountSections';
import { fixes, item } from './items';

type Params = Record<string, string | number>;
type FixPlace =
  | 'general'
  | 'content'
  | 'selections'
  | 'test'
  | 'account'
  | 'credits'
  | { account: AccountSection };

/**
 * What one check found. The line's text is `sending:checklist.<id>.<outcome>` (so a new check
 * adds its texts under its id), the fix link follows from the id (FIX_PLACE).
 */
export interface Check {
  id: string;
  status: ChecklistItemT['status'];
  outcome: string;
  params?: Params;
  /** Where to fix it, when not where this id is usually fixed (sender details: Account). */
  fixAt?: FixPlace;
  /** A text of another area that says it better (the subject's own warnings). */
  key?: string;
}

/** Where each check's problem is fixed. */
const FIX_PLACE: Record<string, FixPlace> = {
  subject: 'general',
  topLine: 'general',
  from: 'general',
  replyTo: 'general',
  selections: 'selections',
  recipients: 'selections',
  variables: 'content',
  emptyValues: 'content',
  footer: 'content',
  images: 'content',
  links: 'content',
  htmlSize: 'content',
  test: 'test',
  account: 'account',
  credits: 'credits',
};

export function toItem(check: Check, mailingId: string): ChecklistItemT {
  const place = check.fixAt ?? FIX_PLACE[check.id] ?? 'account';
  const fix =
    typeof place === 'object'
      ? fixes.accountSection(place.account)
      : place === 'account' || place === 'credits'
        ? fixes[place]
        : fixes[place](mailingId);
  return item(
    check.id,
    check.status,
    `${check.id}: ${check.outcome}`,
    check.key ?? `sending:checklist.${check.id}.${check.outcome}`,
    fix,
    check.params,
  );
}
