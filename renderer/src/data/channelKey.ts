import type { ChannelInput, ChannelName } from '../../../electron/contract';

/** One query key per channel and input: invalidating [channel] reaches every input of it. */
export function channelKey<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return [channel, input] as const;
}
