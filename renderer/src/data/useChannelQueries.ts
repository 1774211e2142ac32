import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { channelKey } from './channelKey';

/** One channel asked for several inputs at once (each selection of a mailing), each cached alone. */
export function useChannelQueries<C extends ChannelName>(
  channel: C,
  inputs: readonly ChannelInput<C>[],
): UseQueryResult<ChannelOutput<C>>[] {
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: channelKey(channel, input),
      queryFn: () => api.call(channel, input),
    })),
  });
}
