import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api';
import type { Automation } from './automationTypes';

/** The automations, loaded again whenever one pauses or a run ends (the event says so). */
export function useAutomations() {
  const [automations, setAutomations] = useState<Automation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let current = true;
    api
      .call('automations.list', {})
      .then((list) => {
        if (!current) return;
        setAutomations(list);
        setError(null);
      })
      .catch((caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [version]);
  useEffect(() => api.on('automations.changed', reload), [reload]);
  return { automations, error, reload };
}
