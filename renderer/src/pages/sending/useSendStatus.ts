import type { ChannelOutput } from '../../../../electron/contract';
import { useChannelQuery } from '../../data/useChannelQuery';

export type SendStatus = NonNullable<ChannelOutput<'send.status'>>;

/** A mailing's send (null: none yet), fetched again on every send.progress (staleAfter.ts). */
export function useSendStatus(mailingId: string): SendStatus | null {
  return useChannelQuery('send.status', { mailingId }).data ?? null;
}

/** What a send's buttons change: its status, the list on Versturen and its uncertain mails. */
export const SEND_CHANNELS = ['send.status', 'send.list', 'send.uncertain'] as const;
