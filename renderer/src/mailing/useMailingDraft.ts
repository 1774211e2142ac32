import { useEffect, useState } from 'react';
import { api } from '../api';
import { MailingDraft } from './mailingDraft';
import { isReadOnly } from './mailingTypes';

/**
 * The open mailing as a draft that saves itself, made once per opened mailing and put away when
 * the mailing is left. Not a query: the draft holds changes the disk has not seen yet, so a cached
 * or refetched copy of `mailings.get` must never replace it; an unsaved change from a window that
 * closed is put back from local storage.
 */
export function useMailingDraft(id: string): { draft: MailingDraft | null; loadError: unknown } {
  const [draft, setDraft] = useState<MailingDraft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // Hand-written on purpose, not a query: a refetch must never replace unsaved changes.
  useEffect(() => {
    let current: MailingDraft | null = null;
    let cancelled = false;
    api
      .call('mailings.get', { id })
      .then((mailing) => {
        if (cancelled) return;
        current = new MailingDraft(mailing);
        if (!isReadOnly(mailing)) current.restoreBackup();
        setDraft(current);
      })
      .catch((error: unknown) => !cancelled && setLoadError(error));
    return () => {
      cancelled = true;
      current?.dispose();
    };
  }, [id]);
  return { draft, loadError };
}
