import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../../../../electron/contract';
import { api } from '../../../../api';
import { channelKey } from '../../../../data/channelKey';
import { useChannelQuery } from '../../../../data/useChannelQuery';
import { fromSegment, toSegment, type Draft } from './segmentDraft';

type Options = ChannelOutput<'mailings.segment'>;

/** How long typing may pause before the count is asked again. */
const SETTLE_MS = 300;

const NO_CONDITIONS: Draft = { match: 'all', conditions: [] };

export interface SegmentDraft {
  /** What the conditions can use (columns, earlier mailings); null until loaded. */
  options: Options | null;
  /** The conditions on screen: the stored segment until the shop changes something. */
  draft: Draft;
  setDraft: (next: Draft) => void;
  /** The load or the last apply failed (an ApiError), else null. */
  error: unknown;
}

/**
 * The mailing's segment as the shop edits it. `mailings.segment` is read through Query, so a sync
 * or a send brings new columns and earlier mailings, but the conditions are seeded from it only
 * until the first change: from then on the typed draft is the truth and no refetch replaces it
 * (the rule of the mailing draft). Every complete change is applied after a short pause; the new
 * count goes into the cache of `mailings.recipients`, the applied segment into that of
 * `mailings.segment`.
 */
export function useSegmentDraft(mailingId: string): SegmentDraft {
  const client = useQueryClient();
  const loaded = useChannelQuery('mailings.segment', { id: mailingId });
  const stored = loaded.data?.segment ?? null;
  // Memoised on the stored segment: a refetch with the same answer keeps the rows' keys.
  const seeded = useMemo(() => (stored ? fromSegment(stored) : NO_CONDITIONS), [stored]);
  const [typed, setTyped] = useState<Draft | null>(null);
  const [applyError, setApplyError] = useState<unknown>(null);
  const draft = typed ?? seeded;

  // A write, not a read: applies what is typed, debounced; nothing to apply before a change.
  useEffect(() => {
    if (typed === null) return;
    const segment = toSegment(typed);
    if (JSON.stringify(segment) === JSON.stringify(stored)) return;
    const timer = setTimeout(() => {
      api.call('mailings.setSegment', { id: mailingId, segment }).then(
        (summary) => {
          setApplyError(null);
          client.setQueryData(channelKey('mailings.recipients', { id: mailingId }), summary);
          client.setQueryData(channelKey('mailings.segment', { id: mailingId }), (old) =>
            old ? { ...old, segment } : old,
          );
        },
        (e: unknown) => setApplyError(e),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [typed, stored, mailingId, client]);

  return {
    options: loaded.data ?? null,
    draft,
    setDraft: setTyped,
    error: applyError ?? loaded.error,
  };
}
