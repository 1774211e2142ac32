/**
 * The sections of Overig - account a fix link can point at (`#/account?section=shop`), and the
 * card each one is: the checklist names them, the account page scrolls to them.
 */
export const ACCOUNT_SECTIONS = {
  link: 'section-account-link',
  senders: 'section-senders',
  shop: 'section-shop',
  smtp: 'section-smtp',
  identity: 'section-identity',
  verification: 'sender-verification',
  dns: 'dkim-section',
  bouncebox: 'section-bouncebox',
} as const;

export type AccountSection = keyof typeof ACCOUNT_SECTIONS;

/** The fix link to one section of the account page. */
export function accountSectionLink(section: AccountSection): string {
  return `#/account?section=${section}`;
}
