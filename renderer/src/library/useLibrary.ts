import { useCallback } from 'react';
import type { ChannelOutput } from '../../../electron/contract';
import { useChannelQuery } from '../data/useChannelQuery';
import { useInvalidate } from '../data/useInvalidate';

export type LibraryItem = ChannelOutput<'library.list'>[number];

/**
 * "Mijn blokken" or "Mijn sjablonen", loaded while `active`. Changes through LibraryItemActions or
 * "Bewaar als…" make `library.list` stale themselves; `reload` is the same for other callers.
 */
export function useLibrary(kind: LibraryItem['kind'], active = true) {
  const { data, error } = useChannelQuery('library.list', { kind }, { enabled: active });
  const invalidate = useInvalidate();
  const reload = useCallback(() => void invalidate('library.list'), [invalidate]);
  return { items: data ?? null, error, reload };
}
