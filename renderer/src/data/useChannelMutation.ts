import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { useInvalidate } from './useInvalidate';

/**
 * A channel that changes something. After it succeeds, the read channels in `invalidates` are
 * fetched again wherever they are shown, so a page never has to pass "reload" callbacks around.
 */
export function useChannelMutation<C extends ChannelName>(
  channel: C,
  options: { invalidates?: readonly ChannelName[] } = {},
): UseMutationResult<ChannelOutput<C>, unknown, ChannelInput<C>> {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => api.call(channel, input),
    onSuccess: () => invalidate(...(options.invalidates ?? [])),
  });
}
