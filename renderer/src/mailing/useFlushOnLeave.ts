import { useEffect } from 'react';
import type { MailingDraft } from './mailingDraft';

/**
 * Saves whenever the shopkeeper may be leaving: the tab or window hides, the page unloads, the
 * window loses focus. The backup in local storage is written synchronously first, because an
 * unloading page may not finish a request.
 */
export function useFlushOnLeave(draft: MailingDraft | null): void {
  // A write on leaving, not a read: nothing for Query.
  useEffect(() => {
    if (!draft) return;
    const saveNow = () => void draft.flush();
    const leaving = () => {
      draft.writeBackup();
      void draft.flush();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    window.addEventListener('pagehide', leaving);
    window.addEventListener('beforeunload', leaving);
    window.addEventListener('blur', saveNow);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leaving);
      window.removeEventListener('beforeunload', leaving);
      window.removeEventListener('blur', saveNow);
      document.removeEventListener('visibilitychange', onVisibility);
      // Leaving the mailing inside the app (another menu item): save what is left.
      leaving();
    };
  }, [draft]);
}
