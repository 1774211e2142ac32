import { useCallback, useEffect, useState } from 'react';
import { api } from '../api';
import type { MailingSummary } from './mailingTypes';

/** One list of mailings (open or sent), reloadable after a copy or delete. */
export function useMailingList(status: 'open' | 'sent') {
  const [mailings, setMailings] = useState<MailingSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    api
      .call('mailings.list', { status })
      .then((list) => {
        if (!current) return;
        setMailings(list);
        setError(null);
      })
      .catch((caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [status, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { mailings, error, reload };
}
