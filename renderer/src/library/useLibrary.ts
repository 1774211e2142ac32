import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { api } from '../api';

export type LibraryItem = ChannelOutput<'library.list'>[number];

/** "Mijn blokken" or "Mijn sjablonen", loaded while `active`, with a reload after changes. */
export function useLibrary(kind: LibraryItem['kind'], active = true) {
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!active) return;
    let current = true;
    api.call('library.list', { kind }).then(
      (list) => {
        if (!current) return;
        setItems(list);
        setError(null);
      },
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [kind, active, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { items, error, reload };
}
