import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { channelKey } from './channelKey';

export interface ChannelQueryOptions {
  /** false: wait (e.g. until an address is chosen). */
  enabled?: boolean;
  /** Keep showing the previous answer while another input loads (paging, filtering). */
  keepPrevious?: boolean;
  /** Runs before every ask (the mailing flow saves the open draft first, so the answer sees it). */
  prepare?: () => Promise<unknown>;
  /**
   * Drop the answer when the last component showing it goes: coming back shows the loader, not a
   * stale answer (the checklist must never show "ok" for something fixed or broken since).
   */
  forgetOnLeave?: boolean;
}

/**
 * A read channel's answer, cached under [channel, input] and fetched again when a contract event
 * makes the channel stale. `error` is the ApiError the channel answered; show it with errorMessage.
 */
export function useChannelQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: ChannelQueryOptions = {},
): UseQueryResult<ChannelOutput<C>> {
  return useQuery({
    queryKey: channelKey(channel, input),
    queryFn: async () => {
      await options.prepare?.();
      return api.call(channel, input);
    },
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    ...(options.forgetOnLeave ? { gcTime: 0 } : {}),
  });
}
