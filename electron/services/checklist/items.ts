import type { ChecklistItemT } from '../../contract/checklist';
import { accountSectionLink } from '../../contract/plain/accountSections';

type Params = Record<string, string | number>;

/** One checklist line: the English message is for logs and tools, the key for the user. */
export function item(
  id: string,
  status: ChecklistItemT['status'],
  message: string,
  key: string,
  fix: string | null,
  params?: Params,
): ChecklistItemT {
  return { id, status, message, key, fix, ...(params ? { params } : {}) };
}

/** Where each fix lives in the app (hash routes). */
export const fixes = {
  general: (id: string) => `#/mailings/${id}/algemeen`,
  content: (id: string) => `#/mailings/${id}/inhoud`,
  selections: (id: string) => `#/mailings/${id}/selecties`,
  test: (id: string) => `#/mailings/${id}/testen`,
  account: '#/account',
  /** One card of the account page (the shop's details, the logo, DNS, …). */
  accountSection: accountSectionLink,
  credits: '#/credits',
} as const;
