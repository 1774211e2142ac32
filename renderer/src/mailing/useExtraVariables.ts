import { useEffect, useState } from 'react';
import { api } from '../api';
import { STANDARD_VARIABLES } from '../../../electron/contract/plain/variables';

/**
 * The extra columns of the selections attached to this mailing ([[maat]], [[filiaal]], …).
 * Without selections, or if they cannot be read, there are none: the standard list still works.
 */
export function useExtraVariables(mailingId: string): string[] {
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const { selectionIds } = await api.call('mailings.recipients', { id: mailingId });
      const details = await Promise.all(
        selectionIds.map((id) => api.call('selections.get', { id, limit: 0 })),
      );
      const standard = new Set<string>(STANDARD_VARIABLES);
      const names = new Set(details.flatMap((d) => d.variables).filter((v) => !standard.has(v)));
      if (current) setExtra([...names].sort());
    };
    load().catch(() => undefined);
    return () => {
      current = false;
    };
  }, [mailingId]);
  return extra;
}
