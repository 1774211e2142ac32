import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelName } from '../../../electron/contract';

/**
 * Marks read channels stale after a change that is not one mutation (a button that may call one of
 * several channels): every query of them on screen is fetched again. Resolves when they are in.
 */
export function useInvalidate(): (...channels: readonly ChannelName[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...channels) => {
      await Promise.all(
        channels.map((channel) => client.invalidateQueries({ queryKey: [channel] })),
      );
    },
    [client],
  );
}
