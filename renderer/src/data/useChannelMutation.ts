import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { api } from '../api';

/**
 * A channel that changes something. After it succeeds, the read channels in `invalidates` are
 * fetched again wherever they are shown, so a page never has to pass "reload" callbacks around.
 */
export function useChannelMutation<C extends ChannelName>(
  channel: C,
  options: { invalidates?: readonly ChannelName[] } = {},
): UseMutationResult<ChannelOutput<C>, unknown, ChannelInput<C>> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => api.call(channel, input),
    onSuccess: () =>
      Promise.all(
        (options.invalidates ?? []).map((stale) => client.invalidateQueries({ queryKey: [stale] })),
      ),
  });
}
