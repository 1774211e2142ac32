import { ERROR_CODES, type Envelope } from '../contract';
import type { HandlerTable } from '../services/core/handlerTable';
import { isChannelName } from '../services/core/handlerTable';
import { isAllowedSenderUrl } from './policy';

export { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/channels';

/**
 * Answers one IPC request: refuses frames that are not our own app (a preview iframe, a page that
 * somehow got loaded) before looking at the channel, then calls the shared handler table.
 */
export async function answerInvoke(
  handlers: HandlerTable,
  senderUrl: string | undefined,
  channel: unknown,
  input: unknown,
  devServerOrigin?: string,
): Promise<Envelope<unknown>> {
  if (!isAllowedSenderUrl(senderUrl, devServerOrigin)) {
    return {
      ok: false,
      error: { code: ERROR_CODES.forbidden, message: 'This frame may not call Winkelpost' },
    };
  }
  if (typeof channel !== 'string' || !isChannelName(channel)) {
    return {
      ok: false,
      error: { code: ERROR_CODES.unknownChannel, message: `Unknown channel: ${String(channel)}` },
    };
  }
  return handlers[channel](input);
}
