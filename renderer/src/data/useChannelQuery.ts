import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { channelKey } from './channelKey';

export interface ChannelQueryOptions {
  /** false: wait (e.g. until an address is chosen). */
  enabled?: boolean;
  /** Keep showing the previous answer while another input loads (paging, filtering). */
  keepPrevious?: boolean;
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
    queryFn: () => api.call(channel, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}
