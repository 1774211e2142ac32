import { useMemo } from 'react';
import { STANDARD_VARIABLES } from '../../../electron/contract/plain/variables';
import { useChannelQueries } from '../data/useChannelQueries';
import { useChannelQuery } from '../data/useChannelQuery';

const standard = new Set<string>(STANDARD_VARIABLES);

/**
 * The extra columns of the selections attached to this mailing ([[maat]], [[filiaal]], …).
 * Without selections, or if they cannot be read, there are none: the standard list still works.
 */
export function useExtraVariables(mailingId: string): string[] {
  const selectionIds = useChannelQuery('mailings.recipients', { id: mailingId }).data?.selectionIds;
  const details = useChannelQueries(
    'selections.get',
    (selectionIds ?? []).map((id) => ({ id, limit: 0 })),
  );
  // Every selection in (or failed) first: the list does not grow column by column.
  const settled = details.every((detail) => !detail.isPending);
  const names = settled ? details.flatMap((detail) => detail.data?.variables ?? []) : [];
  const key = names.join('\n');
  return useMemo(
    () => [...new Set(key === '' ? [] : key.split('\n'))].filter((v) => !standard.has(v)).sort(),
    [key],
  );
}
