import { useEffect } from 'react';
import {
  ACCOUNT_SECTIONS,
  type AccountSection,
} from '../../../../electron/contract/plain/accountSections';
import { usePath } from '../../router';

/** The section a fix link names (`#/account?section=shop`), if it is one of the page's cards. */
export function sectionOf(path: string): AccountSection | null {
  const name = new URLSearchParams(path.split('?')[1] ?? '').get('section');
  return name !== null && Object.hasOwn(ACCOUNT_SECTIONS, name) ? (name as AccountSection) : null;
}

/**
 * Once the page is there, brings the card a checklist's "Oplossen" link points at into view and
 * moves the focus to it, so the shop does not search a long page for it.
 */
export function useScrollToSection(ready: boolean): void {
  const section = sectionOf(usePath());
  useEffect(() => {
    if (!ready || section === null) return;
    const card = document.querySelector<HTMLElement>(
      `[data-testid="${ACCOUNT_SECTIONS[section]}"]`,
    );
    if (!card) return;
    card.tabIndex = -1;
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  }, [ready, section]);
}
