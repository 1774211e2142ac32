import { useCallback } from 'react';
import { useChannelQuery } from '../../data/useChannelQuery';
import { useInvalidate } from '../../data/useInvalidate';
import type { Automation } from './automationTypes';

/**
 * The automations, fetched again whenever one pauses or a run ends (automations.changed in
 * staleAfter.ts) and after a change made here (`reload`).
 */
export function useAutomations(): {
  automations: Automation[] | null;
  error: unknown;
  reload: () => void;
} {
  const { data, error } = useChannelQuery('automations.list', {});
  const invalidate = useInvalidate();
  const reload = useCallback(
    () => void invalidate('automations.list', 'automations.runs'),
    [invalidate],
  );
  return { automations: data ?? null, error, reload };
}
